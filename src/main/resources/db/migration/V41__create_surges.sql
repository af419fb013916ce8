-- Flows above the top of their forecast band at a border point: a whole day so far, or one hour of the border's clock.
-- One row per point and window, however often the check runs: the unique index makes raising it again a no-op.
create table statistics.surges (
    id           uuid        primary key,
    border_point text        not null check (length(border_point) between 1 and 20),
    span         text        not null check (span in ('DAY', 'HOUR')),
    day          date        not null,
    hour         int         check (hour between 0 and 23),
    observed     bigint      not null check (observed >= 0),
    expected     bigint      not null check (expected >= 0),
    high         bigint      not null check (high >= expected),
    raised_at    timestamptz not null,
    check ((span = 'HOUR') = (hour is not null))
);

create unique index surges_once_per_window on statistics.surges (border_point, span, day, coalesce(hour, -1));
create index surges_by_day on statistics.surges (day desc, raised_at desc);
