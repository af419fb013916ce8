-- Flow statistics: counts of the register's crossings kept current as crossings are recorded,
-- decided, corrected, voided or arrive by synchronisation. Nothing here names a traveller: a counted
-- crossing is known only by its id and the cell it is counted in.
create schema if not exists statistics;

-- The cell each crossing is counted in now; a correction or a void moves exactly its own count.
create table statistics.counted (
    crossing_id    uuid primary key,
    day            date not null,
    hour           smallint not null check (hour between 0 and 23),
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    sex            text not null,
    age_band       text not null,
    purpose        text not null,
    transport_mode text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null
);

-- Changes not yet folded into the rollups: +1 and -1 rows appended by the transactions that record
-- crossings, so that recording never waits on a shared counter; folded in by one compactor at a
-- time, and read together with the rollups so that every answer is exact.
create table statistics.flow_change (
    day            date not null,
    hour           smallint not null check (hour between 0 and 23),
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    sex            text not null,
    age_band       text not null,
    purpose        text not null,
    transport_mode text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null,
    n              integer not null check (n in (-1, 1))
);
create index flow_change_day on statistics.flow_change (day);

-- The rollups: each a cube over some of the dimensions, by the border's day and by month, so that a
-- dashboard reads few rows whatever the years of crossings behind them. A count has no check of its
-- own: the compactor adds a negative change to a row with an upsert, and PostgreSQL checks the row it
-- proposes to insert before it finds the row to update.
create table statistics.points_by_day (
    day            date not null,
    border_point   char(3) not null,
    direction      text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null,
    n              bigint not null,
    primary key (day, border_point, direction, decision, reason, hit_outcome)
);
create index points_by_day_empty on statistics.points_by_day (day) where n = 0;

create table statistics.points_by_month (
    month          date not null,
    border_point   char(3) not null,
    direction      text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null,
    n              bigint not null,
    primary key (month, border_point, direction, decision, reason, hit_outcome)
);
create index points_by_month_empty on statistics.points_by_month (month) where n = 0;

create table statistics.nationalities_by_day (
    day            date not null,
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    n              bigint not null,
    primary key (day, border_point, direction, nationality)
);
create index nationalities_by_day_empty on statistics.nationalities_by_day (day) where n = 0;

create table statistics.nationalities_by_month (
    month          date not null,
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    n              bigint not null,
    primary key (month, border_point, direction, nationality)
);
create index nationalities_by_month_empty on statistics.nationalities_by_month (month) where n = 0;

create table statistics.people_by_day (
    day            date not null,
    border_point   char(3) not null,
    direction      text not null,
    sex            text not null,
    age_band       text not null,
    n              bigint not null,
    primary key (day, border_point, direction, sex, age_band)
);
create index people_by_day_empty on statistics.people_by_day (day) where n = 0;

create table statistics.people_by_month (
    month          date not null,
    border_point   char(3) not null,
    direction      text not null,
    sex            text not null,
    age_band       text not null,
    n              bigint not null,
    primary key (month, border_point, direction, sex, age_band)
);
create index people_by_month_empty on statistics.people_by_month (month) where n = 0;

create table statistics.travel_by_day (
    day            date not null,
    border_point   char(3) not null,
    direction      text not null,
    purpose        text not null,
    transport_mode text not null,
    n              bigint not null,
    primary key (day, border_point, direction, purpose, transport_mode)
);
create index travel_by_day_empty on statistics.travel_by_day (day) where n = 0;

create table statistics.travel_by_month (
    month          date not null,
    border_point   char(3) not null,
    direction      text not null,
    purpose        text not null,
    transport_mode text not null,
    n              bigint not null,
    primary key (month, border_point, direction, purpose, transport_mode)
);
create index travel_by_month_empty on statistics.travel_by_month (month) where n = 0;

create table statistics.cells_by_day (
    day            date not null,
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    sex            text not null,
    age_band       text not null,
    purpose        text not null,
    transport_mode text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null,
    n              bigint not null,
    primary key (day, border_point, direction, nationality, sex, age_band, purpose, transport_mode, decision, reason, hit_outcome)
);
create index cells_by_day_empty on statistics.cells_by_day (day) where n = 0;

create table statistics.cells_by_month (
    month          date not null,
    border_point   char(3) not null,
    direction      text not null,
    nationality    text not null,
    sex            text not null,
    age_band       text not null,
    purpose        text not null,
    transport_mode text not null,
    decision       text not null,
    reason         text not null,
    hit_outcome    text not null,
    n              bigint not null,
    primary key (month, border_point, direction, nationality, sex, age_band, purpose, transport_mode, decision, reason, hit_outcome)
);
create index cells_by_month_empty on statistics.cells_by_month (month) where n = 0;

-- Hours of the border's clock, for a point's day.
create table statistics.hours_by_day (
    day            date not null,
    hour           smallint not null check (hour between 0 and 23),
    border_point   char(3) not null,
    direction      text not null,
    decision       text not null,
    n              bigint not null,
    primary key (day, hour, border_point, direction, decision)
);
create index hours_by_day_empty on statistics.hours_by_day (day) where n = 0;
