-- The first day of a Hijri month as Iraq announced it after the moon was sighted, where it differs from (or confirms)
-- Umm al-Qura's. Forecasts and surge alerts place Arbaeen and Ashura by it. One row a month: a correction replaces
-- it, and the audit trail keeps who recorded what before.
create schema if not exists statistics;

create table statistics.hijri_month_starts (
    hijri_year  int         not null check (hijri_year between 1300 and 1600),
    hijri_month int         not null check (hijri_month between 1 and 12),
    first_day   date        not null unique,
    recorded_by text        not null check (length(recorded_by) between 1 and 200),
    recorded_at timestamptz not null,
    primary key (hijri_year, hijri_month)
);
