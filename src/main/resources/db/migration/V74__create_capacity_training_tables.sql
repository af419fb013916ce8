-- Capacity building, training: the courses the Border Points Commission's training directorate and the programme
-- teach, the sessions they run at the training centres and at border points, the people who take part (an account
-- when they have one), what each took part in with its pre- and post-test scores, attendance per day, the
-- certificates issued and the evaluations on Kirkpatrick's four levels. Kept at headquarters; ids are UUIDv7 and
-- every row carries the node it was made on.
create schema capacity;

create table capacity.course (
    id                  uuid primary key,
    node_id             uuid not null,
    code                text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,19}$'),
    topic               text not null check (topic in ('DOCUMENT_EXAMINATION', 'SYSTEM_USE', 'IHR_HEALTH',
                            'HUMAN_RIGHTS_PROTECTION', 'TRAFFICKING_SMUGGLING', 'MANAGEMENT', 'LANGUAGES',
                            'RISK_ANALYSIS', 'INTEGRATED_BORDER_MANAGEMENT', 'OTHER')),
    title_en            text not null check (title_en <> '' and length(title_en) <= 200),
    title_ar            text check (length(title_ar) <= 200),
    title_ckb           text check (length(title_ckb) <= 200),
    description_en      text check (length(description_en) <= 4000),
    description_ar      text check (length(description_ar) <= 4000),
    description_ckb     text check (length(description_ckb) <= 4000),
    duration_days       integer not null check (duration_days between 1 and 365),
    -- How long a certificate of this course stays valid; null: it does not expire.
    certificate_months  integer check (certificate_months between 1 and 240),
    -- The post-test score a participant who attended needs for a certificate.
    pass_score          numeric(5, 2) not null default 70 check (pass_score between 0 and 100),
    retired_at          timestamptz,
    created_by          text not null,
    created_at          timestamptz not null
);

-- A session of a course: where (one of the training centres, or a border point) and when, who teaches, how many
-- it takes. Cancelled, never deleted.
create table capacity.session (
    id                  uuid primary key,
    node_id             uuid not null,
    course_id           uuid not null references capacity.course (id),
    start_date          date not null,
    end_date            date not null check (end_date >= start_date and end_date - start_date <= 366),
    training_centre     text not null check (training_centre in ('BAGHDAD', 'BASRA', 'SULAYMANIYAH', 'ERBIL', 'BORDER_POINT')),
    border_point        char(3) references referencedata.border_point (code),
    trainers            text[] not null default '{}' check (cardinality(trainers) <= 20),
    capacity            integer not null default 25 check (capacity between 1 and 500),
    cancelled_at        timestamptz,
    cancel_reason       text,
    created_by          text not null,
    created_at          timestamptz not null,
    check ((training_centre = 'BORDER_POINT') = (border_point is not null))
);
create index session_dates on capacity.session (end_date, start_date);
create index session_course on capacity.session (course_id);

-- A person trained: an official of an agency, linked to their Manfadh account when they have one.
create table capacity.person (
    id                  uuid primary key,
    node_id             uuid not null,
    name                text not null check (name <> '' and length(name) <= 200),
    -- The name folded for matching a roster's rows to people already known (case, diacritics, Arabic letter forms).
    name_key            text not null,
    sex                 char(1) not null check (sex in ('F', 'M')),
    account             text unique,
    created_at          timestamptz not null
);
create index person_name_key on capacity.person (name_key);

-- A person's place in a session, with their agency, rank and border point as they were then (the indicators count
-- by these), their scores and whether they attended. Learning gain is post minus pre.
create table capacity.enrolment (
    id                  uuid primary key,
    node_id             uuid not null,
    session_id          uuid not null references capacity.session (id),
    person_id           uuid not null references capacity.person (id),
    agency              text not null check (agency in ('FEDERAL_MOI', 'KRG_MOI', 'BPC', 'CUSTOMS', 'HEALTH', 'OTHER')),
    rank                text check (length(rank) <= 100),
    border_point        char(3) references referencedata.border_point (code),
    pre_score           numeric(5, 2) check (pre_score between 0 and 100),
    post_score          numeric(5, 2) check (post_score between 0 and 100),
    attended            boolean not null default false,
    -- Kirkpatrick level 1: the participant's own rating of the session, 1 (poor) to 5 (excellent).
    reaction            smallint check (reaction between 1 and 5),
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (session_id, person_id)
);
create index enrolment_person on capacity.enrolment (person_id);
create index enrolment_point on capacity.enrolment (border_point);

-- Attendance on each day of a session.
create table capacity.attendance (
    enrolment_id        uuid not null references capacity.enrolment (id),
    day                 date not null,
    present             boolean not null,
    recorded_by         text not null,
    recorded_at         timestamptz not null,
    primary key (enrolment_id, day)
);

-- A certificate issued to a participant who attended and passed; expires after the course's validity. Revoked,
-- never deleted.
create table capacity.certificate (
    id                  uuid primary key,
    node_id             uuid not null,
    enrolment_id        uuid not null unique references capacity.enrolment (id),
    person_id           uuid not null references capacity.person (id),
    course_id           uuid not null references capacity.course (id),
    number              text not null unique,
    issued_on           date not null,
    expires_on          date check (expires_on > issued_on),
    revoked_at          timestamptz,
    revoked_by          text,
    revoke_reason       text,
    created_by          text not null,
    created_at          timestamptz not null
);
create index certificate_expiry on capacity.certificate (expires_on) where revoked_at is null;
create index certificate_person_course on capacity.certificate (person_id, course_id);

-- Kirkpatrick levels 3 (behaviour: observed at work some months after the session) and 4 (results: what changed at
-- the border point), recorded for a participant or for a whole session. Levels 1 and 2 are the enrolment's
-- reaction and scores.
create table capacity.evaluation (
    id                  uuid primary key,
    node_id             uuid not null,
    session_id          uuid not null references capacity.session (id),
    enrolment_id        uuid references capacity.enrolment (id),
    level               smallint not null check (level between 3 and 4),
    observed_on         date not null,
    score               numeric(5, 2) check (score between 0 and 100),
    note                text check (length(note) <= 4000),
    observed_by         text not null,
    created_at          timestamptz not null
);
create index evaluation_session on capacity.evaluation (session_id);
