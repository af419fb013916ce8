-- Capacity building, standard operating procedures: versioned documents in three languages with a checklist each,
-- their adoption at each border point (trained, adopted, audited) over time, and the audits' results item by item.
create table capacity.sop (
    id                  uuid primary key,
    node_id             uuid not null,
    code                text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,29}$'),
    kind                text not null check (kind in ('PRIMARY_INSPECTION', 'SECONDARY_INSPECTION', 'REFERRAL',
                            'REFUSAL', 'HEALTH_SCREENING', 'GROUP_PROCESSING', 'OUTAGE_FALLBACK', 'VULNERABLE_PERSONS',
                            'OTHER')),
    title_en            text not null check (title_en <> '' and length(title_en) <= 200),
    title_ar            text check (length(title_ar) <= 200),
    title_ckb           text check (length(title_ckb) <= 200),
    retired_at          timestamptz,
    created_by          text not null,
    created_at          timestamptz not null
);

-- A version of an SOP: its text in three languages, in force from a day. Never changed once made; a change is a new
-- version.
create table capacity.sop_version (
    id                  uuid primary key,
    sop_id              uuid not null references capacity.sop (id),
    version             integer not null check (version >= 1),
    body_en             text not null check (body_en <> '' and length(body_en) <= 100000),
    body_ar             text check (length(body_ar) <= 100000),
    body_ckb            text check (length(body_ckb) <= 100000),
    change_note         text check (length(change_note) <= 2000),
    effective_from      date not null,
    created_by          text not null,
    created_at          timestamptz not null,
    unique (sop_id, version)
);

create table capacity.sop_checklist_item (
    id                  uuid primary key,
    version_id          uuid not null references capacity.sop_version (id),
    ordinal             integer not null check (ordinal >= 0),
    text_en             text not null check (text_en <> '' and length(text_en) <= 1000),
    text_ar             text check (length(text_ar) <= 1000),
    text_ckb            text check (length(text_ckb) <= 1000),
    unique (version_id, ordinal)
);

-- A step of an SOP's adoption at a border point, with the version it concerns: staff TRAINED on it, the point
-- ADOPTED it, it was AUDITED there. Only ever appended; a point's standing is its latest step.
create table capacity.sop_adoption (
    id                  uuid primary key,
    sop_id              uuid not null references capacity.sop (id),
    version_id          uuid not null references capacity.sop_version (id),
    border_point        char(3) not null references referencedata.border_point (code),
    stage               text not null check (stage in ('TRAINED', 'ADOPTED', 'AUDITED')),
    on_date             date not null,
    note                text check (length(note) <= 2000),
    created_by          text not null,
    created_at          timestamptz not null
);
create index sop_adoption_point on capacity.sop_adoption (border_point, sop_id, on_date);

-- An audit of an SOP at a border point: each checklist item met, partly met, not met or not applicable; the score is
-- the share met (partly counts half) of the items that apply.
create table capacity.sop_audit (
    id                  uuid primary key,
    version_id          uuid not null references capacity.sop_version (id),
    border_point        char(3) not null references referencedata.border_point (code),
    audited_on          date not null,
    auditor             text not null check (auditor <> '' and length(auditor) <= 200),
    score               numeric(5, 2) not null check (score between 0 and 100),
    note                text check (length(note) <= 4000),
    created_by          text not null,
    created_at          timestamptz not null
);
create index sop_audit_point on capacity.sop_audit (border_point, audited_on);

create table capacity.sop_audit_answer (
    audit_id            uuid not null references capacity.sop_audit (id),
    item_id             uuid not null references capacity.sop_checklist_item (id),
    result              text not null check (result in ('MET', 'PARTLY', 'NOT_MET', 'NOT_APPLICABLE')),
    note                text check (length(note) <= 1000),
    primary key (audit_id, item_id)
);
