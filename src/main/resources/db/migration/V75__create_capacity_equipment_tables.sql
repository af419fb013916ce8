-- Capacity building, equipment: the assets the programme delivers to border management centres and posts, their
-- lifecycle (ordered, delivered, deployed, in repair, broken, retired) as a log of every change, check-out and
-- check-in, maintenance and repairs with their cost. A document reader's status is an operational fact: a border
-- point's dashboard shows how many of its lanes have one that works.
create table capacity.asset (
    id                  uuid primary key,
    node_id             uuid not null,
    type                text not null check (type in ('DOCUMENT_READER', 'BIOMETRIC_KIT', 'SERVER', 'WORKSTATION',
                            'UPS', 'GENERATOR', 'VEHICLE', 'MOBILE_PROCESSING_UNIT', 'CAMERA', 'NETWORK', 'OTHER')),
    serial_number       text not null check (serial_number ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,59}$'),
    manufacturer        text check (length(manufacturer) <= 100),
    model               text check (length(model) <= 100),
    donor               text check (length(donor) <= 100),
    programme_phase     text check (length(programme_phase) <= 100),
    status              text not null check (status in ('ORDERED', 'DELIVERED', 'DEPLOYED', 'IN_REPAIR', 'BROKEN', 'RETIRED')),
    border_point        char(3) references referencedata.border_point (code),
    lane                text check (lane ~ '^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$'),
    purchase_cost       numeric(12, 2) check (purchase_cost >= 0),
    currency            char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    purchased_on        date,
    warranty_end        date,
    -- Straight-line depreciation over this many months from the purchase.
    useful_life_months  integer check (useful_life_months between 1 and 600),
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (type, serial_number),
    check (lane is null or border_point is not null),
    check (status not in ('DEPLOYED') or border_point is not null)
);
create index asset_point on capacity.asset (border_point, type, status);

-- Every change of an asset: its status, where it is assigned, check-out and check-in. Only ever appended.
create table capacity.asset_event (
    id                  uuid primary key,
    asset_id            uuid not null references capacity.asset (id),
    kind                text not null check (kind in ('REGISTERED', 'STATUS', 'ASSIGNED', 'CHECKED_OUT', 'CHECKED_IN')),
    status_from         text,
    status_to           text,
    border_point        char(3) references referencedata.border_point (code),
    lane                text,
    holder              text check (length(holder) <= 200),
    due_on              date,
    note                text check (length(note) <= 2000),
    at                  timestamptz not null,
    by_user             text not null
);
create index asset_event_asset on capacity.asset_event (asset_id, at);

-- An asset out of its place with someone (a vehicle, a mobile processing unit, a laptop); at most one open at a time.
create table capacity.asset_checkout (
    id                  uuid primary key,
    asset_id            uuid not null references capacity.asset (id),
    holder              text not null check (holder <> '' and length(holder) <= 200),
    out_at              timestamptz not null,
    due_on              date,
    in_at               timestamptz,
    out_by              text not null,
    in_by               text,
    note                text check (length(note) <= 2000),
    check ((in_at is null) = (in_by is null))
);
create unique index asset_checkout_open on capacity.asset_checkout (asset_id) where in_at is null;

-- Maintenance and repairs, with what they cost.
create table capacity.maintenance (
    id                  uuid primary key,
    asset_id            uuid not null references capacity.asset (id),
    kind                text not null check (kind in ('MAINTENANCE', 'REPAIR')),
    opened_on           date not null,
    closed_on           date check (closed_on >= opened_on),
    cost                numeric(12, 2) check (cost >= 0),
    currency            char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    vendor              text check (length(vendor) <= 200),
    note                text check (length(note) <= 2000),
    created_by          text not null,
    created_at          timestamptz not null
);
create index maintenance_asset on capacity.maintenance (asset_id, opened_on);
