-- The points rollup (a border point's decisions and hits) holds the health outcome too, so that flows by health
-- outcome, by point, direction or decision are answered from it, not from the far larger cells rollup. Most
-- crossings are never screened, so the rollup grows little.
alter table statistics.points_by_day add column health_outcome text not null default 'NONE';
alter table statistics.points_by_day drop constraint points_by_day_pkey,
    add primary key (day, border_point, direction, decision, reason, hit_outcome, health_outcome);

alter table statistics.points_by_month add column health_outcome text not null default 'NONE';
alter table statistics.points_by_month drop constraint points_by_month_pkey,
    add primary key (month, border_point, direction, decision, reason, hit_outcome, health_outcome);
