-- The reference printed on a refusal notice: the border point, the border day of the crossing and the refusal's
-- number among that point's refusals of that day (ZRB-20260314-0007), given once per crossing and never reused.
create table bordercontrol.refusal_reference (
    crossing_id  uuid primary key references bordercontrol.crossing (id),
    border_point char(3) not null,
    border_day   date not null,
    seq          integer not null check (seq > 0),
    reference    text not null unique,
    assigned_at  timestamptz not null,
    unique (border_point, border_day, seq)
);
