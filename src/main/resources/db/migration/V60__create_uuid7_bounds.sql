-- Ids are UUIDv7 (platform Ids): their first 48 bits are the Unix time in milliseconds at which they were made, and
-- PostgreSQL orders uuid values byte by byte. So the smallest uuid of a millisecond is a bound on every id made from
-- that millisecond on, and a month of records is an id range: the crossing table is partitioned on it (V61).
-- Both functions are immutable, so that a query's bounds written with them are worked out while it is planned and
-- the planner can leave out the partitions they exclude.

-- The smallest uuid whose first 48 bits are this instant's millisecond (clamped to what 48 bits hold).
create function bordercontrol.uuid7_floor(at timestamptz) returns uuid
    language sql immutable strict parallel safe
as $$
    select (lpad(to_hex(least(greatest(floor(extract(epoch from at) * 1000), 0), 281474976710655)::bigint), 12, '0')
            || '00000000000000000000')::uuid
$$;

-- The instant a UUIDv7 was made, read from its first 48 bits (for any other uuid: whatever those bits say).
create function bordercontrol.uuid7_time(id uuid) returns timestamptz
    language sql immutable strict parallel safe
as $$
    select to_timestamp(('x' || lpad(replace(left(id::text, 13), '-', ''), 16, '0'))::bit(64)::bigint / 1000.0)
$$;
