-- A crossing's health record (its screening, the decisions on its hold, its follow-up contacts) travels from a post
-- to headquarters on its own. A post one release behind never writes the kind; headquarters one release behind
-- refuses a batch that carries it.
alter table sync.outbox drop constraint outbox_kind_check;
alter table sync.outbox add constraint outbox_kind_check
    check (kind in ('CROSSING', 'SCREENING', 'HEALTH', 'VISA', 'IDENTITY', 'GROUP'));
