-- The cells rollup, which holds every dimension, holds the health outcome too; its key takes the new column, so
-- that the compactor's upsert finds one row a cell. Every row there now was counted as never screened.
alter table statistics.cells_by_day add column health_outcome text not null default 'NONE';
alter table statistics.cells_by_day drop constraint cells_by_day_pkey,
    add primary key (day, border_point, direction, nationality, sex, age_band, purpose, transport_mode, decision,
                     reason, hit_outcome, health_outcome);

alter table statistics.cells_by_month add column health_outcome text not null default 'NONE';
alter table statistics.cells_by_month drop constraint cells_by_month_pkey,
    add primary key (month, border_point, direction, nationality, sex, age_band, purpose, transport_mode, decision,
                     reason, hit_outcome, health_outcome);
