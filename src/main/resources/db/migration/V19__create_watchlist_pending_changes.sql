-- Four eyes for the changes that decide what a list does to travellers: a change of its action,
-- authority or thresholds, and the import of a national list file, wait here until a second
-- watchlist manager approves them (or anyone withdraws them). Kept at headquarters only: a post
-- receives the list's version once the change is approved.
create table screening.pending_change (
    id              uuid primary key,
    watchlist_id    uuid not null references screening.watchlist (id),
    kind            text not null check (kind in ('SETTINGS', 'IMPORT')),
    status          text not null check (status in ('PENDING', 'APPROVED', 'WITHDRAWN')),
    -- The settings asked for, only those sent: {"name"?, "actionOnHit"?, "authority"?, "hitThreshold"?, ...}
    settings        jsonb check (settings is null or jsonb_typeof(settings) = 'object'),
    reason          text,
    source_format   text check (source_format in ('PERSONS_CSV', 'DOCUMENTS_CSV')),
    source_sha256   text check (source_sha256 ~ '^[0-9a-f]{64}$'),
    entry_count     bigint check (entry_count > 0),
    proposed_by     text not null,
    proposed_at     timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    applied_version bigint,
    added           integer check (added >= 0),
    updated         integer check (updated >= 0),
    removed         integer check (removed >= 0),
    check ((kind = 'SETTINGS') = (settings is not null)),
    check ((kind = 'IMPORT') = (source_format is not null and source_sha256 is not null and entry_count is not null)),
    check ((status = 'PENDING') = (decided_by is null and decided_at is null)),
    check ((status = 'APPROVED') = (applied_version is not null)),
    check (status <> 'APPROVED' or decided_by <> proposed_by)
);
create index pending_change_open on screening.pending_change (watchlist_id, proposed_at) where status = 'PENDING';

-- The entries of a pending import, as read and checked from its file; merged when it is approved,
-- dropped when it is withdrawn.
create table screening.pending_import_entry (
    change_id          uuid not null references screening.pending_change (id) on delete cascade,
    line               bigint not null,
    id                 uuid not null,
    external_id        text not null,
    kind               text not null,
    primary_name       text,
    names              jsonb not null,
    dates_of_birth     jsonb not null,
    nationalities      jsonb not null,
    nationality_texts  jsonb not null,
    sex                char(1),
    documents          jsonb not null,
    document_number    text,
    issuing_state      varchar(3),
    document_type      text,
    reported_on        date,
    listed_on          date,
    originating_agency text,
    legal_basis        text,
    notify_on_hit      text,
    note               text,
    expires_on         date,
    search_text        text not null,
    primary key (change_id, line)
);

-- Who proposed a change that a second manager made take effect (made_by is the approver).
alter table screening.list_change add column proposed_by text;
alter table screening.list_change add constraint list_change_four_eyes check (proposed_by is null or proposed_by <> made_by);
