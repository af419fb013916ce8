-- The crossing table, partitioned by the month each crossing was recorded in: PARTITION BY RANGE (id), with each
-- month's bounds the UUIDv7 floors of its first instant and of the next month's (V60), in UTC. The id stays the
-- crossing's key on its own (primary key (id)), so the decisions, amendments and refusal references keep their
-- foreign keys to it, and a sync batch applied again still meets "on conflict (id)". Partitioning by occurred_at
-- instead would need primary key (id, occurred_at): no foreign key could then reference a crossing by its id alone,
-- and nothing in the database would stop one id being stored twice with two times.
--
-- Month bounds are UTC months so that a bound never depends on a time-zone database that may change; a border
-- month (Asia/Baghdad, UTC+3) reaches three hours into the previous UTC month's partition.
--
-- A default partition holds any id outside the prepared months: an id a client chose at random (a version 4 uuid's
-- first bits are not a time), a far-future or far-past time, a hostile post's id. Such rows are stored and found
-- like any other. bordercontrol.create_crossing_partition makes a month's partition, moving into it the rows of
-- that month the default partition holds; the application keeps the coming months made (CrossingPartitions).
--
-- The table is rebuilt in this one migration, in its transaction: same name, same columns in the same order, same
-- constraints and indexes under the same names, every row copied, so that this release and the one before read and
-- write it alike and a post one release behind still syncs.

-- Makes the partition of one (UTC) month, moving into it any row of that month the default partition holds; false
-- when it exists already. Safe when two nodes or threads ask at once: they take turns on an advisory lock, and the
-- second finds the partition made. Runs as the table's owner (the application's role owns no table), waits at most
-- two seconds for the table's lock (a busy moment: the next attempt makes it), and makes months between 1970 and
-- 9999 only.
--
-- A row cannot move out of the default partition while rows elsewhere reference it (a foreign key to a partitioned
-- table is checked against the partition that held the row), so the rows that reference the crossings moved (their
-- decisions, amendments, refusal references: whatever references the table) step out and back in with them, in
-- the same transaction, unchanged.
create function bordercontrol.create_crossing_partition(month date) returns boolean
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
    set lock_timeout = '2s'
as $$
declare
    first_day date := date_trunc('month', month)::date;
    lower_id  uuid := bordercontrol.uuid7_floor(first_day::timestamp at time zone 'UTC');
    upper_id  uuid := bordercontrol.uuid7_floor((first_day + interval '1 month')::timestamp at time zone 'UTC');
    part_name text := 'crossing_' || to_char(first_day, 'YYYY_MM');
    moved     bordercontrol.crossing[];
    ids       uuid[];
    referencing record;
    held      jsonb := '[]';
    rows      jsonb;
begin
    if first_day < date '1970-01-01' or first_day >= date '9999-12-01' then
        raise exception 'No crossing partition is made for %: months from 1970 to 9999 only', first_day
            using errcode = '22008';
    end if;
    if to_regclass('bordercontrol.' || part_name) is not null then
        return false;
    end if;
    perform pg_advisory_xact_lock(hashtext('bordercontrol.create_crossing_partition'));
    -- Taken before anything else is read, as the partition's creation would take it: a booth's insert waits the few
    -- milliseconds this takes rather than deadlocking against the lock on the default partition. Taking it also
    -- brings in what other sessions changed in the catalog: the partition another maker made while this one waited.
    lock table bordercontrol.crossing in access exclusive mode;
    if to_regclass('bordercontrol.' || part_name) is not null then
        return false;
    end if;
    -- With no partition for the month yet, its rows are all in the default partition.
    select array_agg(c), array_agg(c.id) into moved, ids
      from bordercontrol.crossing c where c.id >= lower_id and c.id < upper_id;
    if moved is not null then
        for referencing in
            select k.conrelid::regclass as tab, a.attname as col
              from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
             where k.confrelid = 'bordercontrol.crossing'::regclass and k.contype = 'f' and k.conparentid = 0
             order by k.conrelid
        loop
            execute format('with gone as (delete from %s where %I = any($1) returning *)'
                           || ' select coalesce(jsonb_agg(to_jsonb(gone)), ''[]'') from gone',
                           referencing.tab, referencing.col) into rows using ids;
            held := held || jsonb_build_array(jsonb_build_object('tab', referencing.tab::text, 'rows', rows));
        end loop;
        delete from bordercontrol.crossing where id >= lower_id and id < upper_id;
    end if;
    execute format('create table bordercontrol.%I partition of bordercontrol.crossing for values from (%L) to (%L)',
                   part_name, lower_id, upper_id);
    if moved is not null then
        insert into bordercontrol.crossing select * from unnest(moved);
        for referencing in select h ->> 'tab' as tab, h -> 'rows' as rows from jsonb_array_elements(held) h loop
            execute format('insert into %s overriding system value select * from jsonb_populate_recordset(null::%s, $1)',
                           referencing.tab, referencing.tab) using referencing.rows;
        end loop;
        raise notice 'Moved % crossings from the default partition into %', cardinality(moved), part_name;
    end if;
    return true;
end;
$$;

do $$
declare
    app text := coalesce(nullif('${app_role}', ''), current_user);
    old oid := 'bordercontrol.crossing'::regclass;
    keys text[];
    indexes text[];
    outgoing text[][];
    incoming text[][];
    triggers text[];
    r record;
    def text;
    this_month date := date_trunc('month', now() at time zone 'UTC')::date;
    first_month date;
    m date;
begin
    -- What the table has, as SQL to say it again: its keys, its other indexes, the foreign keys it holds and those
    -- that point at it, its triggers. Read from the catalog, so that whatever an earlier migration added comes too.
    select array_agg(format('alter table bordercontrol.crossing add constraint %I %s', conname,
                            pg_get_constraintdef(oid)) order by conname)
      into keys from pg_constraint where conrelid = old and contype in ('p', 'u', 'x');
    select array_agg(pg_get_indexdef(i.indexrelid) order by i.indexrelid)
      into indexes from pg_index i
     where i.indrelid = old and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
    select array_agg(format('alter table bordercontrol.crossing add constraint %I %s', conname,
                            pg_get_constraintdef(oid)) order by conname)
      into outgoing from pg_constraint where conrelid = old and contype = 'f';
    select array_agg(array[conrelid::regclass::text, conname, pg_get_constraintdef(oid)] order by conrelid, conname)
      into incoming from pg_constraint where confrelid = old and contype = 'f';
    select array_agg(pg_get_triggerdef(oid) order by tgname)
      into triggers from pg_trigger where tgrelid = old and not tgisinternal;

    -- The old table steps aside, taking the names of its indexes with it (index names are the schema's).
    if incoming is not null then
        for i in 1 .. array_length(incoming, 1) loop
            execute format('alter table %s drop constraint %I', incoming[i][1], incoming[i][2]);
        end loop;
    end if;
    alter table bordercontrol.crossing rename to crossing_unpartitioned;
    for r in select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = old loop
        execute format('alter index bordercontrol.%I rename to %I', r.relname, left('unpartitioned_' || r.relname, 63));
    end loop;

    -- The same columns in the same order, with their defaults, checks, not-nulls and comments.
    create table bordercontrol.crossing (like bordercontrol.crossing_unpartitioned
        including defaults including constraints including generated including identity including storage
        including comments including compression including statistics)
        partition by range (id);
    foreach def in array keys loop
        execute def;
    end loop;
    foreach def in array coalesce(indexes, '{}') loop
        execute def;
    end loop;
    create table bordercontrol.crossing_default partition of bordercontrol.crossing default;

    -- The months that hold crossings (from three years back at most: older or stranger ids stay in the default
    -- partition, found as any other row), through three months ahead.
    select date_trunc('month', min(bordercontrol.uuid7_time(id)) at time zone 'UTC')::date into first_month
      from bordercontrol.crossing_unpartitioned
     where substr(id::text, 15, 1) = '7'
       and bordercontrol.uuid7_time(id) >= (this_month - interval '36 months') at time zone 'UTC'
       and bordercontrol.uuid7_time(id) < (this_month + interval '4 months') at time zone 'UTC';
    m := least(coalesce(first_month, this_month), this_month);
    while m <= this_month + interval '3 months' loop
        perform bordercontrol.create_crossing_partition(m);
        m := m + interval '1 month';
    end loop;

    -- Every row, each into its month's partition; the foreign keys it holds are added after, each checked by one
    -- join rather than row by row.
    insert into bordercontrol.crossing select * from bordercontrol.crossing_unpartitioned;
    foreach def in array coalesce(outgoing, '{}') loop
        execute def;
    end loop;
    if incoming is not null then
        for i in 1 .. array_length(incoming, 1) loop
            execute format('alter table %s add constraint %I %s', incoming[i][1], incoming[i][2], incoming[i][3]);
        end loop;
    end if;
    foreach def in array coalesce(triggers, '{}') loop
        execute def;
    end loop;

    -- The same rights as before (not those the default privileges gave the new table); the partition maker to the
    -- application, and to nobody else.
    for r in select distinct a.grantee from pg_class c cross join lateral aclexplode(c.relacl) a
              where c.oid = 'bordercontrol.crossing'::regclass and a.grantee <> c.relowner loop
        execute format('revoke all on bordercontrol.crossing from %s',
                       case when r.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(r.grantee)) end);
    end loop;
    for r in select a.grantee, a.privilege_type
               from pg_class c cross join lateral aclexplode(c.relacl) a
              where c.oid = old and a.grantee <> c.relowner loop
        execute format('grant %s on bordercontrol.crossing to %s', r.privilege_type,
                       case when r.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(r.grantee)) end);
    end loop;
    execute 'revoke all on function bordercontrol.create_crossing_partition(date) from public';
    execute format('grant execute on function bordercontrol.create_crossing_partition(date) to %I', app);

    drop table bordercontrol.crossing_unpartitioned;
end;
$$;

analyze bordercontrol.crossing;
