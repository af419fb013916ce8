-- Watchlists and their entries, the versions every change makes, and the append-only log of who
-- changed what and why. Entries are never deleted: a removal is a status with its reason, so that
-- a hit recorded against an entry can always be explained. Every row created here carries the id
-- of the node that made it; ids are UUIDv7.
create schema screening;

create table screening.watchlist (
    id                       uuid primary key,
    node_id                  uuid not null,
    name                     text not null unique check (btrim(name) <> '' and length(name) <= 200),
    kind                     text not null check (kind in ('NATIONAL_ALERT', 'TRAVEL_BAN', 'LOST_STOLEN_DOCUMENTS',
                                                           'SANCTIONS', 'OTHER')),
    action_on_hit            text not null check (action_on_hit in ('REFER', 'REFUSE', 'NOTIFY_AND_ADMIT', 'MONITOR')),
    authority                text not null check (authority in ('FEDERAL', 'KRI', 'BOTH')),
    hit_threshold            numeric(4, 3) not null check (hit_threshold > 0 and hit_threshold <= 1),
    possible_match_threshold numeric(4, 3) not null check (possible_match_threshold > 0),
    -- The latest version; every change to the list or its entries makes the next one.
    version                  bigint not null check (version >= 1),
    -- The dateGenerated of the last UN Security Council file imported, so that an older file is refused.
    un_generated_at          timestamptz,
    created_by               text not null,
    created_at               timestamptz not null,
    check (possible_match_threshold <= hit_threshold)
);

create table screening.entry (
    id                 uuid primary key,
    node_id            uuid not null,
    watchlist_id       uuid not null references screening.watchlist (id),
    -- The source's own id: the UN REFERENCE_NUMBER (IQi.001), a CSV's externalId, or the manual entry's.
    external_id        text not null check (btrim(external_id) <> ''),
    kind               text not null check (kind in ('PERSON', 'ENTITY', 'DOCUMENT')),
    source             text not null check (source in ('UN_XML', 'CSV', 'MANUAL')),
    status             text not null check (status in ('PENDING', 'ACTIVE', 'REMOVED')),
    primary_name       text,
    -- [{"text", "quality"}], quality PRIMARY, ORIGINAL_SCRIPT, STRONG_ALIAS or WEAK_ALIAS
    names              jsonb not null default '[]' check (jsonb_typeof(names) = 'array'),
    -- [{"earliest", "latest", "precision"}], precision EXACT, APPROXIMATE, YEAR or RANGE
    dates_of_birth     jsonb not null default '[]' check (jsonb_typeof(dates_of_birth) = 'array'),
    -- ICAO codes, and nationalities as the source wrote them where no code is known
    nationalities      jsonb not null default '[]' check (jsonb_typeof(nationalities) = 'array'),
    nationality_texts  jsonb not null default '[]' check (jsonb_typeof(nationality_texts) = 'array'),
    sex                char(1) check (sex in ('M', 'F')),
    -- A person's documents: [{"number", "issuingState", "issuingCountry", "type"}]
    documents          jsonb not null default '[]' check (jsonb_typeof(documents) = 'array'),
    -- A listed document (kind DOCUMENT)
    document_number    text check (btrim(document_number) <> ''),
    issuing_state      varchar(3) check (issuing_state ~ '^[A-Z]{1,3}$'),
    document_type      text,
    reported_on        date,
    listed_on          date,
    originating_agency text,
    legal_basis        text,
    notify_on_hit      text,
    note               text,
    -- After this day the entry no longer matches (a review date that passed without a review).
    expires_on         date,
    -- Lower-case names, external id and document numbers, for finding entries.
    search_text        text not null,
    proposed_by        text not null,
    proposed_at        timestamptz not null,
    approved_by        text,
    approved_at        timestamptz,
    removed_by         text,
    removed_at         timestamptz,
    removal_reason     text,
    created_in_version bigint not null,
    changed_in_version bigint not null check (changed_in_version >= created_in_version),
    check ((kind = 'DOCUMENT') = (document_number is not null)),
    check (kind = 'DOCUMENT' or (primary_name is not null and jsonb_array_length(names) > 0)),
    -- Four eyes: only a manual entry waits for approval, and never approves itself.
    check (status <> 'PENDING' or (source = 'MANUAL' and approved_by is null)),
    check (source <> 'MANUAL' or status <> 'ACTIVE' or approved_by is not null),
    check (approved_by is null or (approved_by <> proposed_by and approved_at is not null)),
    check ((status = 'REMOVED') = (removed_at is not null)),
    check (status <> 'REMOVED' or (removed_by is not null and btrim(removal_reason) <> ''))
);
-- One live entry per source id and list; removed entries keep their rows.
create unique index entry_external_id on screening.entry (watchlist_id, external_id) where status <> 'REMOVED';
create index entry_list_order on screening.entry (watchlist_id, id);
create index entry_changed on screening.entry (watchlist_id, changed_in_version);
create index entry_expiring on screening.entry (expires_on) where status = 'ACTIVE' and expires_on is not null;

-- Every version of every list, with who made it, when, why and what changed: the versions posts
-- receive and the audit trail at once. Rows are only ever added.
create table screening.list_change (
    id                 uuid primary key,
    node_id            uuid not null,
    watchlist_id       uuid not null references screening.watchlist (id),
    version            bigint not null check (version >= 1),
    action             text not null check (action in ('LIST_CREATED', 'SETTINGS_CHANGED', 'IMPORTED',
                                                       'ENTRY_PROPOSED', 'ENTRY_APPROVED', 'ENTRY_REMOVED')),
    entry_id           uuid references screening.entry (id),
    made_by            text not null,
    made_at            timestamptz not null,
    reason             text,
    added              integer not null default 0 check (added >= 0),
    updated            integer not null default 0 check (updated >= 0),
    removed            integer not null default 0 check (removed >= 0),
    source_format      text check (source_format in ('UN_XML', 'PERSONS_CSV', 'DOCUMENTS_CSV')),
    source_sha256      text check (source_sha256 ~ '^[0-9a-f]{64}$'),
    source_generated_at timestamptz,
    detail             jsonb,
    unique (watchlist_id, version),
    check ((action = 'IMPORTED') = (source_sha256 is not null and source_format is not null)),
    check (action not in ('ENTRY_PROPOSED', 'ENTRY_APPROVED', 'ENTRY_REMOVED') or entry_id is not null),
    check (action <> 'ENTRY_REMOVED' or btrim(reason) <> '')
);

create function screening.refuse_change_edit() returns trigger language plpgsql as $$
begin
    raise exception 'screening.list_change is append-only';
end;
$$;
create trigger list_change_append_only before update or delete on screening.list_change
    for each row execute function screening.refuse_change_edit();
create trigger list_change_no_truncate before truncate on screening.list_change
    for each statement execute function screening.refuse_change_edit();
