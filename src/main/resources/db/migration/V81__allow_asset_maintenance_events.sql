-- Capacity building, equipment: maintenance and repairs are written in an asset's log too, beside its status,
-- assignment and check-outs, so that the log tells the whole of an asset's life.
alter table capacity.asset_event drop constraint asset_event_kind_check;
alter table capacity.asset_event add constraint asset_event_kind_check
    check (kind in ('REGISTERED', 'STATUS', 'ASSIGNED', 'CHECKED_OUT', 'CHECKED_IN', 'MAINTENANCE'));
