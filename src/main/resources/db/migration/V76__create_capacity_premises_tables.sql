-- Capacity building, premises: upgrade projects at border points (a border management centre, a new hall, power
-- and cabling), with their milestones, budget and spending.
create table capacity.premises_project (
    id                  uuid primary key,
    node_id             uuid not null,
    border_point        char(3) not null references referencedata.border_point (code),
    title_en            text not null check (title_en <> '' and length(title_en) <= 200),
    title_ar            text check (length(title_ar) <= 200),
    title_ckb           text check (length(title_ckb) <= 200),
    donor               text check (length(donor) <= 100),
    programme_phase     text check (length(programme_phase) <= 100),
    budget              numeric(14, 2) not null check (budget >= 0),
    currency            char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    status              text not null check (status in ('PLANNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    start_date          date,
    planned_end         date check (planned_end >= start_date),
    completed_on        date,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index premises_project_point on capacity.premises_project (border_point);

create table capacity.premises_milestone (
    id                  uuid primary key,
    project_id          uuid not null references capacity.premises_project (id),
    ordinal             integer not null check (ordinal >= 0),
    title_en            text not null check (title_en <> '' and length(title_en) <= 200),
    title_ar            text check (length(title_ar) <= 200),
    title_ckb           text check (length(title_ckb) <= 200),
    due_on              date,
    done_on             date,
    unique (project_id, ordinal)
);

create table capacity.premises_spend (
    id                  uuid primary key,
    project_id          uuid not null references capacity.premises_project (id),
    spent_on            date not null,
    amount              numeric(14, 2) not null check (amount > 0),
    note                text check (length(note) <= 2000),
    created_by          text not null,
    created_at          timestamptz not null
);
create index premises_spend_project on capacity.premises_spend (project_id, spent_on);
