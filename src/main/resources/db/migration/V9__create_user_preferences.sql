-- What each user chose on the screens: the language, and the border point and direction of the inspection booth.
create table access.user_preference (
    username     text primary key references access.user_account (username) on delete cascade,
    language     text check (language in ('en', 'ar', 'ckb')),
    border_point text,
    direction    text check (direction in ('ENTRY', 'EXIT')),
    updated_at   timestamptz not null default now()
);
