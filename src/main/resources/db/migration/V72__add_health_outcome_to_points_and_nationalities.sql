-- The points rollup (a border point's decisions and hits) and the nationalities rollup hold the health outcome too,
-- so that flows by health outcome with point, direction, decision or nationality (where do the travellers held for
-- health come from) are answered from them, not from the far larger cells rollup. Most crossings are never
-- screened, so these rollups grow little.
alter table statistics.points_by_day add column health_outcome text not null default 'NONE';
alter table statistics.points_by_day drop constraint points_by_day_pkey,
    add primary key (day, border_point, direction, decision, reason, hit_outcome, health_outcome);

alter table statistics.points_by_month add column health_outcome text not null default 'NONE';
alter table statistics.points_by_month drop constraint points_by_month_pkey,
    add primary key (month, border_point, direction, decision, reason, hit_outcome, health_outcome);

alter table statistics.nationalities_by_day add column health_outcome text not null default 'NONE';
alter table statistics.nationalities_by_day drop constraint nationalities_by_day_pkey,
    add primary key (day, border_point, direction, nationality, health_outcome);

alter table statistics.nationalities_by_month add column health_outcome text not null default 'NONE';
alter table statistics.nationalities_by_month drop constraint nationalities_by_month_pkey,
    add primary key (month, border_point, direction, nationality, health_outcome);
