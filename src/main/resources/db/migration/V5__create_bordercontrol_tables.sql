-- The border control register: travellers and their documents, crossings and the decisions on
-- them, visas and permits, stay rules, and the stays derived from them. Records are never edited
-- in place: corrections, voids and later decisions are new rows that reference the old ones.
-- Every row created at a node carries the node's id; ids are UUIDv7 or supplied by the client.
create schema bordercontrol;

create table bordercontrol.traveller (
    id            uuid primary key,
    node_id       uuid not null,
    created_at    timestamptz not null,
    surname       text not null,
    given_names   text not null,
    name_original text,
    date_of_birth text check (date_of_birth ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    nationality   varchar(3) not null,
    sex           char(1) check (sex in ('M', 'F', 'X')),
    -- Names as matched: upper case, single spaces, surname and given names joined.
    name_key      text not null
);
create index traveller_identity on bordercontrol.traveller (name_key, date_of_birth, nationality);

create table bordercontrol.travel_document (
    id              uuid primary key,
    node_id         uuid not null,
    traveller_id    uuid not null references bordercontrol.traveller (id),
    document_code   text not null,
    issuing_state   varchar(3) not null,
    document_number text not null check (document_number <> ''),
    date_of_expiry  date,
    first_seen_at   timestamptz not null,
    -- How this document came to belong to its traveller, and how sure that is.
    link_basis      text not null check (link_basis in ('FIRST_DOCUMENT', 'NAME_BIRTH_NATIONALITY', 'CONFIRMED', 'SPLIT')),
    link_confidence numeric(3, 2) not null check (link_confidence between 0 and 1),
    unique (issuing_state, document_number)
);
create index travel_document_traveller on bordercontrol.travel_document (traveller_id);
create index travel_document_number on bordercontrol.travel_document (document_number);

create table bordercontrol.identity_decision (
    id            uuid primary key,
    node_id       uuid not null,
    document_id   uuid not null references bordercontrol.travel_document (id),
    action        text not null check (action in ('CONFIRM', 'SPLIT')),
    from_traveller uuid not null references bordercontrol.traveller (id),
    to_traveller  uuid not null references bordercontrol.traveller (id),
    reason        text not null check (reason <> ''),
    decided_by    text not null,
    decided_at    timestamptz not null
);

create table bordercontrol.crossing_group (
    id               uuid primary key,
    node_id          uuid not null,
    border_point     char(3) not null references referencedata.border_point (code),
    direction        text not null check (direction in ('ENTRY', 'EXIT')),
    kind             text not null check (kind in ('BUS', 'PILGRIM_GROUP', 'FAMILY', 'OTHER')),
    vehicle          text,
    leader_name      text,
    leader_document  text,
    opened_by        text not null,
    opened_at        timestamptz not null,
    closed_by        text,
    closed_at        timestamptz,
    request_hash     text not null
);

create table bordercontrol.visa (
    id                  uuid primary key,
    node_id             uuid not null,
    traveller_id        uuid not null references bordercontrol.traveller (id),
    number              text not null check (number <> ''),
    type                text not null check (type in ('VISA_EXEMPT', 'VISA_ON_ARRIVAL', 'E_VISA', 'VISIT_VISA',
                                                      'RESIDENCE_PERMIT', 'KRI_VISA_ON_ARRIVAL', 'OTHER')),
    issuing_authority   text not null check (issuing_authority in ('FEDERAL', 'KRI')),
    valid_from          date not null,
    valid_until         date not null,
    entries_allowed     integer check (entries_allowed > 0),
    permitted_stay_days integer check (permitted_stay_days > 0),
    created_by          text not null,
    created_at          timestamptz not null,
    check (valid_until >= valid_from),
    unique (issuing_authority, type, number)
);
create index visa_traveller on bordercontrol.visa (traveller_id);

create table bordercontrol.visa_extension (
    id         uuid primary key,
    node_id    uuid not null,
    visa_id    uuid not null references bordercontrol.visa (id),
    extra_days integer not null check (extra_days > 0),
    granted_on date not null,
    reason     text not null check (reason <> ''),
    created_by text not null,
    created_at timestamptz not null
);
create index visa_extension_visa on bordercontrol.visa_extension (visa_id);

-- Rules are versions: a change is a new row from its effective day; history keeps the old one.
create table bordercontrol.stay_rule (
    id             uuid primary key,
    nationality    varchar(3),
    visa_type      text check (visa_type in ('VISA_EXEMPT', 'VISA_ON_ARRIVAL', 'E_VISA', 'VISIT_VISA',
                                             'RESIDENCE_PERMIT', 'KRI_VISA_ON_ARRIVAL', 'OTHER')),
    permitted_days integer not null check (permitted_days > 0),
    window_days    integer check (window_days > permitted_days),
    effective_from date not null,
    note           text,
    created_by     text not null,
    created_at     timestamptz not null,
    unique nulls not distinct (nationality, visa_type, effective_from)
);

create table bordercontrol.crossing (
    id                  uuid primary key,
    node_id             uuid not null,
    border_point        char(3) not null references referencedata.border_point (code),
    authority           text not null check (authority in ('FEDERAL', 'KRI')),
    governorate         text not null,
    direction           text not null check (direction in ('ENTRY', 'EXIT')),
    occurred_at         timestamptz not null,
    recorded_at         timestamptz not null,
    traveller_id        uuid not null references bordercontrol.traveller (id),
    document_id         uuid not null references bordercontrol.travel_document (id),
    document            jsonb not null,
    document_valid      boolean not null,
    purpose             text check (purpose in ('TOURISM', 'BUSINESS', 'PILGRIMAGE', 'FAMILY', 'WORK', 'STUDY',
                                                'MEDICAL', 'TRANSIT', 'RETURNING_RESIDENT', 'OFFICIAL', 'OTHER')),
    transport_mode      text check (transport_mode in ('AIR', 'CAR', 'BUS', 'TRUCK', 'FOOT', 'SEA', 'RAIL')),
    transport_reference text,
    group_id            uuid references bordercontrol.crossing_group (id),
    visa_id             uuid references bordercontrol.visa (id),
    officer             text not null,
    late_reason         text,
    override_reason     text,
    override_by         text,
    minor               boolean not null,
    accompanied_by      text,
    consent_document    text,
    flags               text[] not null,
    request_hash        text not null
);
create index crossing_traveller on bordercontrol.crossing (traveller_id, occurred_at);
create index crossing_point_time on bordercontrol.crossing (border_point, occurred_at);
create index crossing_group_member on bordercontrol.crossing (group_id) where group_id is not null;

create table bordercontrol.decision (
    id                  uuid primary key,
    node_id             uuid not null,
    crossing_id         uuid not null references bordercontrol.crossing (id),
    kind                text not null check (kind in ('INITIAL', 'FINAL', 'CORRECTION')),
    decision            text not null check (decision in ('ADMITTED', 'REFERRED', 'REFUSED', 'PENDING')),
    reason_code         text references referencedata.refusal_reason (code),
    note                text,
    vulnerability       text[] not null,
    protection_referral text,
    decided_by          text not null,
    decided_at          timestamptz not null,
    supersedes          uuid references bordercontrol.decision (id),
    check (decision <> 'REFUSED' or reason_code is not null)
);
create unique index decision_initial on bordercontrol.decision (crossing_id) where kind = 'INITIAL';
create index decision_crossing on bordercontrol.decision (crossing_id, decided_at);

create table bordercontrol.crossing_amendment (
    id           uuid primary key,
    node_id      uuid not null,
    crossing_id  uuid not null references bordercontrol.crossing (id),
    kind         text not null check (kind in ('CORRECTION', 'VOID')),
    border_point char(3) references referencedata.border_point (code),
    direction    text check (direction in ('ENTRY', 'EXIT')),
    occurred_at  timestamptz,
    purpose      text,
    reason       text not null check (reason <> ''),
    amended_by   text not null,
    amended_at   timestamptz not null
);
create index crossing_amendment_crossing on bordercontrol.crossing_amendment (crossing_id, amended_at);

-- Derived: a traveller's stays, rebuilt from the effective crossings whenever they change.
create table bordercontrol.stay (
    traveller_id      uuid not null references bordercontrol.traveller (id),
    entry_crossing_id uuid not null,
    entry_day         date not null,
    exit_crossing_id  uuid,
    exit_day          date,
    basis             text not null,
    visa_id           uuid,
    rule_id           uuid,
    permitted_days    integer,
    last_legal_day    date,
    -- The earliest limit the stay had: an overstay on any day needs this to have passed.
    first_last_legal_day date,
    flags             text[] not null,
    authority         text not null,
    governorate       text not null,
    border_point      char(3) not null,
    nationality       varchar(3) not null,
    primary key (traveller_id, entry_crossing_id)
);
create index stay_overstay on bordercontrol.stay (first_last_legal_day, entry_day) where first_last_legal_day is not null;

-- What limited a stay from which day: an extension or a permit granted during the stay moves the
-- last legal day from the day it was granted, so an overstay as of an earlier day is still seen.
create table bordercontrol.stay_cover (
    traveller_id      uuid not null,
    entry_crossing_id uuid not null,
    from_day          date not null,
    last_legal_day    date,
    primary key (traveller_id, entry_crossing_id, from_day),
    foreign key (traveller_id, entry_crossing_id) references bordercontrol.stay (traveller_id, entry_crossing_id)
        on delete cascade
);

-- Starting rules, to be reviewed by the authorities: stays by visa type, any nationality.
insert into bordercontrol.stay_rule (id, nationality, visa_type, permitted_days, window_days, effective_from, note, created_by, created_at)
values ('01900000-0000-7000-8000-000000000001', null, 'VISA_ON_ARRIVAL', 60, null, '2020-01-01', 'Visa on arrival', 'system', now()),
       ('01900000-0000-7000-8000-000000000002', null, 'E_VISA', 60, null, '2020-01-01', 'Electronic visa', 'system', now()),
       ('01900000-0000-7000-8000-000000000003', null, 'VISIT_VISA', 30, null, '2020-01-01', 'Visit visa', 'system', now()),
       ('01900000-0000-7000-8000-000000000004', null, 'KRI_VISA_ON_ARRIVAL', 30, null, '2020-01-01', 'Kurdistan Region visa on arrival', 'system', now()),
       ('01900000-0000-7000-8000-000000000005', null, 'VISA_EXEMPT', 30, null, '2020-01-01', 'Visa-exempt visitors', 'system', now());
