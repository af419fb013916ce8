-- The application works as a role of its own (placeholder app_role; empty: the migrating user itself, as in an
-- installation with one account). It reads and writes the register, but it owns no table, and it may only add to
-- and read the audit trail: a leaked application password cannot rewrite history.

-- Spring Modulith's event publication log, created here by the owner instead of by the application at start.
create table if not exists public.event_publication (
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on public.event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on public.event_publication (completion_date);

do $$
declare
    app text := coalesce(nullif('${app_role}', ''), current_user);
    s text;
begin
    -- Every schema the migrations made: its tables, sequences and functions.
    for s in select nspname from pg_namespace
              where nspowner = (select oid from pg_roles where rolname = current_user)
                and nspname not like 'pg\_%' and nspname not in ('information_schema', 'public')
    loop
        execute format('grant usage on schema %I to %I', s, app);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app);
        execute format('grant usage, select, update on all sequences in schema %I to %I', s, app);
        execute format('grant execute on all functions in schema %I to %I', s, app);
    end loop;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on public.event_publication to %I', app);

    -- What later migrations create is the application's to use in the same way (each migration takes away what
    -- must not be, as below).
    execute format('alter default privileges grant usage on schemas to %I', app);
    execute format('alter default privileges grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges grant usage, select, update on sequences to %I', app);

    -- The audit trail: added to and read, never changed, removed or emptied. The chain's head moves forward only
    -- (a trigger below) and is never removed.
    -- With one account for both (no separate application role) the owner keeps its rights: taking them from
    -- itself would leave it unable to finish this migration, and it could give them back anyway.
    if app <> current_user then
        execute format('revoke update, delete, truncate, references, trigger on access.audit_event from %I', app);
        execute format('revoke insert, update, delete, truncate, references, trigger on access.audit_chain_head from %I', app);
        execute format('grant update (seq, hash) on access.audit_chain_head to %I', app);
    end if;
end;
$$;

create function access.refuse_audit_head_rewind() returns trigger language plpgsql as $$
begin
    if new.seq < old.seq or (new.seq = old.seq and new.hash <> old.hash) then
        raise exception 'The audit trail''s head only moves forward: % to % is refused', old.seq, new.seq;
    end if;
    return new;
end;
$$;

create trigger audit_chain_head_forward_only
    before update on access.audit_chain_head
    for each row execute function access.refuse_audit_head_rewind();
create trigger audit_chain_head_no_delete
    before delete or truncate on access.audit_chain_head
    for each statement execute function access.refuse_audit_change();
