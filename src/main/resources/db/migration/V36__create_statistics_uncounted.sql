-- Crossings whose counts are to be brought up to date: queued in the transaction that changed them,
-- counted in batches soon after (and before any question is answered), so that recording and bulk
-- arrivals pay for one small insert, and a crash between the two loses nothing.
create table statistics.uncounted (
    crossing_id uuid primary key,
    queued_at   timestamptz not null default clock_timestamp()
);
