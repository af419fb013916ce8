-- Headquarters to the posts: what a post last received, and what headquarters knows each post holds.

-- At a post: the last time it asked headquarters for news, the last time that succeeded (when
-- everything headquarters had for it was applied: the watchlists are current as of then), and the
-- digest of the account set it last applied.
create table sync.feed_state (
    singleton       boolean primary key default true check (singleton),
    last_attempt    timestamptz,
    last_error      text,
    current_at      timestamptz,
    accounts_digest text,
    stay_rules_digest text
);
insert into sync.feed_state default values;

-- At headquarters: the version of each list each node said it holds, when it last asked.
create table sync.node_watchlist (
    node_id      uuid not null,
    border_point text,
    watchlist_id uuid not null,
    version      bigint not null check (version >= 0),
    reported_at  timestamptz not null,
    primary key (node_id, watchlist_id)
);

-- An account headquarters sends a post is managed by headquarters there; the post's own (its demo
-- accounts, an emergency administrator) stay LOCAL.
alter table access.user_account
    add column managed_by text not null default 'LOCAL' check (managed_by in ('LOCAL', 'HEADQUARTERS'));

-- A post's position in headquarters' identity merges: the last merge it applied.
alter table sync.feed_state add column merges_seq bigint not null default 0;

-- Identity across posts: a traveller two nodes knew under two ids is one person. Made at
-- headquarters when a post's records arrive; the posts apply them in seq order. Each traveller is
-- merged away at most once; its row stays, so every id ever given still means something.
create table bordercontrol.identity_merge (
    seq        bigserial primary key,
    id         uuid not null unique,
    merged     uuid not null unique references bordercontrol.traveller (id),
    survivor   uuid not null references bordercontrol.traveller (id),
    basis      text not null check (basis in ('SAME_DOCUMENT', 'NAME_BIRTH_NATIONALITY')),
    merged_at  timestamptz not null,
    check (merged <> survivor)
);

-- A post whose database was empty at its first contact (a new post, or one whose disk was lost)
-- takes back from headquarters the records of its border point, in pages; this is how far it got.
alter table sync.feed_state
    add column reseed_state text check (reseed_state in ('RUNNING', 'DONE')),
    add column reseed_after text;

-- Travellers whose stays must be worked out again because another node's crossings arrived for
-- them; drained in the background, so that applying a post's batch stays quick.
create table bordercontrol.stay_refresh (
    traveller_id uuid primary key,
    queued_at    timestamptz not null
);
create index stay_refresh_order on bordercontrol.stay_refresh (queued_at);

-- What changes at a post without a crossing changing travels on its own: a visa issued or extended,
-- a supervisor's identity decision, a group closed.
alter table sync.outbox drop constraint outbox_kind_check;
alter table sync.outbox add constraint outbox_kind_check
    check (kind in ('CROSSING', 'SCREENING', 'VISA', 'IDENTITY', 'GROUP'));
