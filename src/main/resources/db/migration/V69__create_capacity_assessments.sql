-- IHR (2005) Annex 1B core-capacity self-assessments of designated points of entry: the health officer goes through
-- the checklist (src/main/resources/health/poe-core-capacities.csv, after WHO's assessment tool for designated
-- airports, ports and ground crossings) and answers every item. An assessment is recorded once and never changed;
-- the next one shows the trend. Each answer keeps the area and weight its item had, so that an assessment scores
-- the same after the checklist changes.
create table health.capacity_assessment (
    id                uuid primary key,
    node_id           uuid not null,
    border_point      char(3) not null,
    assessed_on       date not null,
    assessed_by       text not null,
    checklist_version text not null check (checklist_version ~ '^[0-9a-f]{12}$'),
    notes             text check (length(notes) <= 4000),
    created_at        timestamptz not null
);
create index capacity_assessment_point on health.capacity_assessment (border_point, assessed_on desc, created_at desc);

create table health.capacity_answer (
    assessment_id uuid not null references health.capacity_assessment (id),
    item          text not null check (item ~ '^[A-Z][A-Z0-9_]{0,15}$'),
    area          text not null check (area in ('ROUTINE', 'EMERGENCY', 'COORDINATION')),
    weight        integer not null check (weight between 1 and 10),
    answer        text not null check (answer in ('YES', 'PARTIAL', 'NO', 'NOT_APPLICABLE')),
    note          text check (length(note) <= 1000),
    primary key (assessment_id, item)
);
