-- At headquarters: each post's audit trail as the post sent it, and the post's checkpoints of its chain's head, so
-- that a post's trail is held beyond the post's own database and disk. Added to and read, never changed: the
-- application's role may not, and a trigger refuses it to anyone.
create table sync.node_audit_event (
    node_id        uuid not null,
    seq            bigint not null,
    id             uuid not null,
    at             timestamptz not null,
    username       text,
    client_address text,
    action         text not null,
    what           text,
    record_ids     text[] not null,
    outcome        integer not null,
    previous_hash  text not null,
    hash           text not null,
    received_at    timestamptz not null,
    primary key (node_id, seq)
);

create table sync.node_audit_checkpoint (
    node_id     uuid not null,
    seq         bigint not null,
    hash        text not null,
    at          timestamptz not null,
    seal        text not null,
    received_at timestamptz not null,
    primary key (node_id, seq)
);

create function sync.refuse_audit_copy_change() returns trigger language plpgsql as $$
begin
    raise exception 'A post''s audit trail held at headquarters is never changed (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger node_audit_event_append_only before update or delete on sync.node_audit_event
    for each row execute function sync.refuse_audit_copy_change();
create trigger node_audit_event_no_truncate before truncate on sync.node_audit_event
    for each statement execute function sync.refuse_audit_copy_change();
create trigger node_audit_checkpoint_append_only before update or delete on sync.node_audit_checkpoint
    for each row execute function sync.refuse_audit_copy_change();
create trigger node_audit_checkpoint_no_truncate before truncate on sync.node_audit_checkpoint
    for each statement execute function sync.refuse_audit_copy_change();

do $$
declare
    app text := coalesce(nullif('${app_role}', ''), current_user);
begin
    if app <> current_user then
        execute format('revoke update, delete, truncate, references, trigger on sync.node_audit_event, '
                       'sync.node_audit_checkpoint from %I', app);
    end if;
end;
$$;
