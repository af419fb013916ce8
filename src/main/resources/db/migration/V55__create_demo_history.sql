-- The day the demo history ends (the demo mode's three years of made-up crossings): fixed when its
-- latest year is loaded, so that the earlier years, loaded later (after a restart, perhaps days
-- later), join it without a gap or an overlap. Empty outside demo mode.
create schema demo;

create table demo.history (
    singleton boolean not null default true primary key check (singleton),
    ends_on   date not null,
    fixed_at  timestamptz not null default now()
);
