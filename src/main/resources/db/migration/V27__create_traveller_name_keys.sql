-- Travellers are searched by name however the name is written (Arabic script or Latin letters, either order, a
-- missing middle name, a small misspelling): each traveller's names are held as keys, worked out by the screening
-- module's name matcher (in the application, not in SQL), and found through an inverted (GIN) index on them.
-- A table of its own rather than a column of bordercontrol.traveller: a traveller's row travels between nodes as it
-- is, and the keys must not travel with it. Every node works out its own keys, and headquarters never takes a
-- post's.
create table bordercontrol.traveller_name_keys (
    traveller_id uuid primary key references bordercontrol.traveller (id) on delete cascade,
    keys         text[] not null
);
create index traveller_name_keys_search on bordercontrol.traveller_name_keys using gin (keys);

-- Travellers whose keys are to be worked out (again): every traveller that arrives or whose names change, however
-- it arrives (recorded here, applied from a post's batch, copied in as demo data), queued by the triggers below and
-- keyed in the background; a traveller recorded here is keyed in its own transaction as well.
create table bordercontrol.name_key_refresh (
    traveller_id uuid primary key references bordercontrol.traveller (id) on delete cascade,
    queued_at    timestamptz not null
);
create index name_key_refresh_order on bordercontrol.name_key_refresh (queued_at);

create function bordercontrol.queue_new_name_keys() returns trigger language plpgsql as $$
begin
    insert into bordercontrol.name_key_refresh (traveller_id, queued_at)
    select id, clock_timestamp() from added
    on conflict (traveller_id) do nothing;
    return null;
end;
$$;

create function bordercontrol.queue_changed_name_keys() returns trigger language plpgsql as $$
begin
    insert into bordercontrol.name_key_refresh (traveller_id, queued_at)
    values (new.id, clock_timestamp())
    on conflict (traveller_id) do nothing;
    return null;
end;
$$;

create trigger traveller_name_keys_added after insert on bordercontrol.traveller
    referencing new table as added
    for each statement execute function bordercontrol.queue_new_name_keys();
create trigger traveller_name_keys_changed after update of surname, given_names, name_original on bordercontrol.traveller
    for each row when (old.surname is distinct from new.surname or old.given_names is distinct from new.given_names
                       or old.name_original is distinct from new.name_original)
    execute function bordercontrol.queue_changed_name_keys();

-- The travellers already here: keyed in the background once the application starts (the keys need the matcher).
insert into bordercontrol.name_key_refresh (traveller_id, queued_at)
select id, clock_timestamp() from bordercontrol.traveller;
