-- Health at points of entry (IHR 2005): outbreak alerts and the screening rules they bring, the screenings done
-- at the booth with the crossing, the health officer's decisions on travellers held for health, and the contacts
-- made to follow travellers up during their monitoring window. Alerts, rules and diseases are made at headquarters
-- and published to every post; screenings, decisions and follow-up contacts are made where the traveller is and
-- pushed to headquarters. Every row made at a node carries the node's id; ids are UUIDv7.
create schema health;

-- The reference table an alert copies its monitoring window from (and may change).
create table health.disease (
    code            text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    monitoring_days integer not null check (monitoring_days between 1 and 60),
    name_en         text not null check (name_en <> ''),
    name_ar         text not null check (name_ar <> ''),
    name_ckb        text not null check (name_ckb <> '')
);
insert into health.disease (code, monitoring_days, name_en, name_ar, name_ckb) values
    ('EBOLA', 21, 'Ebola virus disease', 'مرض فيروس إيبولا', 'نەخۆشی ڤایرۆسی ئیبۆلا'),
    ('MARBURG', 21, 'Marburg virus disease', 'مرض فيروس ماربورغ', 'نەخۆشی ڤایرۆسی ماربێرگ'),
    ('LASSA', 21, 'Lassa fever', 'حمى لاسا', 'تای لاسا'),
    ('MPOX', 21, 'Mpox', 'جدري القردة (إمبوكس)', 'ئیمپۆکس (ئاولەی مەیموون)'),
    ('MEASLES', 21, 'Measles', 'الحصبة', 'سورێژە'),
    ('MERS', 14, 'Middle East respiratory syndrome (MERS)', 'متلازمة الشرق الأوسط التنفسية (ميرس)', 'نەخۆشی هەناسەی ڕۆژهەڵاتی ناوەڕاست (مێرس)'),
    ('COVID_19', 14, 'COVID-19', 'كوفيد-19', 'کۆڤید-19'),
    ('CHOLERA', 5, 'Cholera', 'الكوليرا', 'کۆلێرا'),
    ('PLAGUE', 7, 'Plague', 'الطاعون', 'تاعوون'),
    ('MENINGOCOCCAL', 7, 'Meningococcal disease', 'داء المكورات السحائية', 'نەخۆشی مێنینگۆکۆکی'),
    ('YELLOW_FEVER', 6, 'Yellow fever', 'الحمى الصفراء', 'تای زەرد');

-- An outbreak alert: a disease in countries (ICAO codes) and optionally regions of them, valid for a span of days,
-- with the monitoring window travellers from there are followed for. Ended, never deleted.
create table health.alert (
    id              uuid primary key,
    node_id         uuid not null,
    disease         text not null references health.disease (code),
    countries       varchar(3)[] not null check (cardinality(countries) between 1 and 60),
    -- [{"country": "COD", "region": "Nord-Kivu"}, ...]: where within the countries, for the record and the screens.
    regions         jsonb not null default '[]' check (jsonb_typeof(regions) = 'array'),
    monitoring_days integer not null check (monitoring_days between 1 and 60),
    valid_from      date not null,
    valid_until     date check (valid_until >= valid_from),
    source          text not null check (source in ('WHO', 'MINISTRY_OF_HEALTH', 'OTHER')),
    measures_en     text check (length(measures_en) <= 4000),
    measures_ar     text check (length(measures_ar) <= 4000),
    measures_ckb    text check (length(measures_ckb) <= 4000),
    created_by      text not null,
    created_at      timestamptz not null,
    ended_by        text,
    ended_at        timestamptz,
    end_reason      text,
    check ((ended_at is null) = (ended_by is null))
);
create index alert_valid on health.alert (valid_from, valid_until);

-- A screening rule: who must be screened, what to ask and measure, and what follows. A rule belongs to an alert
-- (its countries, window and validity) or stands alone with countries of its own (the yellow fever certificate
-- for arrivals from countries with risk of transmission).
create table health.rule (
    id                   uuid primary key,
    node_id              uuid not null,
    alert_id             uuid references health.alert (id),
    code                 text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_en              text not null check (name_en <> ''),
    name_ar              text not null check (name_ar <> ''),
    name_ckb             text not null check (name_ckb <> ''),
    -- For a rule of its own; a rule of an alert takes the alert's countries.
    countries            varchar(3)[] check (cardinality(countries) <= 100),
    -- How an arrival counts as coming from a country: NEIGHBOUR (the land border's country), ORIGIN, TRANSIT, DECLARED.
    routes               text[] not null check (routes <@ array['NEIGHBOUR', 'ORIGIN', 'TRANSIT', 'DECLARED'] and cardinality(routes) > 0),
    -- Days since the traveller was last in the country; null: the alert's monitoring window.
    window_days          integer check (window_days between 0 and 60),
    measure_temperature  boolean not null,
    fever_from_c         numeric(3, 1) not null default 38.0 check (fever_from_c between 35.0 and 42.0),
    symptoms             text[] not null default '{}',
    exposures            text[] not null default '{}',
    yellow_fever_certificate boolean not null default false,
    -- What a finding leads to: the least an officer may record for it.
    on_fever             text not null default 'SECONDARY' check (on_fever in ('SECONDARY', 'REFERRED', 'ISOLATED')),
    on_symptom           text not null default 'SECONDARY' check (on_symptom in ('SECONDARY', 'REFERRED', 'ISOLATED')),
    on_exposure          text not null default 'SECONDARY' check (on_exposure in ('SECONDARY', 'REFERRED', 'ISOLATED')),
    on_no_certificate    text not null default 'SECONDARY' check (on_no_certificate in ('SECONDARY', 'REFERRED', 'ISOLATED')),
    referral_facility    text check (length(referral_facility) <= 200),
    active               boolean not null default true,
    created_by           text not null,
    created_at           timestamptz not null,
    changed_by           text,
    changed_at           timestamptz,
    check ((alert_id is null) <> (countries is null))
);

-- A health screening at the booth, one per crossing, made with the crossing or after it. The alerts that applied,
-- where the traveller was exposed and when (the start of the monitoring window), what was measured and answered,
-- the outcome, and how to reach the traveller during follow-up.
create table health.screening (
    id                uuid primary key,
    node_id           uuid not null,
    crossing_id       uuid not null unique,
    traveller_id      uuid not null,
    border_point      char(3) not null,
    occurred_at       timestamptz not null,
    alert_ids         uuid[] not null,
    rule_codes        text[] not null,
    exposure_countries varchar(3)[] not null,
    last_exposure_on  date not null,
    temperature_c     numeric(3, 1) check (temperature_c between 30.0 and 45.0),
    symptoms          text[] not null default '{}',
    exposures         text[] not null default '{}',
    yellow_fever_certificate text check (yellow_fever_certificate in ('VALID', 'INVALID', 'NONE')),
    outcome           text not null check (outcome in ('CLEARED', 'SECONDARY', 'REFERRED', 'ISOLATED')),
    facility          text check (length(facility) <= 200),
    notes             text check (length(notes) <= 2000),
    address           text check (length(address) <= 500),
    phone             text check (length(phone) <= 40),
    screened_by       text not null,
    screened_at       timestamptz not null
);
create index screening_held on health.screening (border_point, screened_at) where outcome <> 'CLEARED';
create index screening_exposure on health.screening (last_exposure_on);
create index screening_alerts on health.screening using gin (alert_ids);

-- A health officer's decision on a traveller held for health: cleared or referred to a facility releases the hold,
-- isolation keeps it until a later decision. The latest decision stands; none are changed.
create table health.hold_decision (
    id           uuid primary key,
    node_id      uuid not null,
    screening_id uuid not null references health.screening (id),
    crossing_id  uuid not null,
    outcome      text not null check (outcome in ('CLEARED', 'REFERRED', 'ISOLATED')),
    facility     text check (length(facility) <= 200),
    notes        text check (length(notes) <= 2000),
    decided_by   text not null,
    decided_at   timestamptz not null
);
create index hold_decision_screening on health.hold_decision (screening_id, decided_at);

-- One attempt to reach a traveller under monitoring, and what came of it.
create table health.follow_up (
    id           uuid primary key,
    node_id      uuid not null,
    crossing_id  uuid not null,
    alert_id     uuid not null references health.alert (id),
    contacted_at timestamptz not null,
    method       text not null check (method in ('PHONE', 'SMS', 'VISIT', 'OTHER')),
    outcome      text not null check (outcome in ('WELL', 'SYMPTOMS', 'NOT_REACHED', 'REFERRED', 'COMPLETED', 'LOST')),
    notes        text check (length(notes) <= 2000),
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index follow_up_alert on health.follow_up (alert_id, crossing_id, contacted_at);

-- The standing yellow fever rule: arrivals from or through a country with risk of yellow fever transmission (WHO's
-- list) show a valid certificate of vaccination (IHR Annex 7). It comes switched off: the Ministry of Health decides
-- when the posts ask for the certificate, and the health officer switches it on (and may change its countries).
insert into health.rule (id, node_id, alert_id, code, name_en, name_ar, name_ckb, countries, routes, window_days,
                         measure_temperature, yellow_fever_certificate, on_no_certificate, active, created_by,
                         created_at)
values ('00000000-0000-7000-8000-000000000001', '00000000-0000-0000-0000-000000000000', null, 'YELLOW_FEVER_CERTIFICATE',
        'Yellow fever vaccination certificate', 'شهادة التطعيم ضد الحمى الصفراء', 'بڕوانامەی کوتانی دژی تای زەرد',
        array['AGO', 'ARG', 'BDI', 'BEN', 'BFA', 'BOL', 'BRA', 'CAF', 'CIV', 'CMR', 'COD', 'COG', 'COL', 'ECU', 'ETH',
              'GAB', 'GHA', 'GIN', 'GMB', 'GNB', 'GNQ', 'GUF', 'GUY', 'KEN', 'LBR', 'MLI', 'MRT', 'NER', 'NGA', 'PAN',
              'PER', 'PRY', 'SDN', 'SEN', 'SLE', 'SSD', 'SUR', 'TCD', 'TGO', 'TTO', 'UGA', 'VEN'],
        array['ORIGIN', 'TRANSIT', 'DECLARED'], 6, false, true, 'SECONDARY', false, 'system',
        timestamptz '2026-01-01 00:00:00+00');
