-- Reference data: ICAO country codes, Iraq's governorates and border points.
-- Filled and kept current from the bundled CSV files at every start.
create schema referencedata;

create table referencedata.country (
    code     varchar(3) primary key check (code ~ '^[A-Z]{1,3}$'),
    alpha2   char(2) check (alpha2 ~ '^[A-Z]{2}$'),
    kind     text not null check (kind in ('STATE', 'TERRITORY', 'NATIONALITY_STATUS', 'ORGANIZATION', 'SPECIMEN')),
    name_en  text not null check (name_en <> ''),
    name_ar  text not null check (name_ar <> ''),
    name_ckb text not null check (name_ckb <> '')
);

create table referencedata.governorate (
    code      text primary key check (code ~ '^IQ-[A-Z]{2}$'),
    name_en   text not null unique check (name_en <> ''),
    name_ar   text not null check (name_ar <> ''),
    name_ckb  text not null check (name_ckb <> ''),
    authority text not null check (authority in ('FEDERAL', 'KRI'))
);

create table referencedata.border_point (
    code               char(3) primary key check (code ~ '^[A-Z]{3}$'),
    name_en            text not null check (name_en <> ''),
    name_ar            text not null check (name_ar <> ''),
    name_ckb           text not null check (name_ckb <> ''),
    type               text not null check (type in ('LAND', 'AIR', 'SEA')),
    governorate_code   text not null references referencedata.governorate (code),
    authority          text not null check (authority in ('FEDERAL', 'KRI')),
    neighbour_country  varchar(3) references referencedata.country (code),
    neighbour_crossing text,
    status             text not null check (status in ('OPEN', 'UNCERTAIN', 'CLOSED')),
    latitude           numeric(8, 5) check (latitude between -90 and 90),
    longitude          numeric(8, 5) check (longitude between -180 and 180),
    check ((latitude is null) = (longitude is null)),
    check (type = 'LAND' or neighbour_country is null)
);

create index border_point_authority on referencedata.border_point (authority);
