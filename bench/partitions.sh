#!/usr/bin/env bash
# The crossing table's move to monthly partitions (migrations V60 to V64) on a PostgreSQL cluster of its own: how
# long the migration takes on CROSSINGS crossings recorded over MONTHS months (1 % of them with random version 4 ids,
# as a client may choose), that every row survives it (an order-independent fingerprint of every crossing, decision
# and amendment, before and after), which partitions the planner reads for a range of ids / recording times and for
# the register's usual reads, and how long making a late month's partition takes when the default partition holds
# STRAYS of its crossings, each with a decision.
#
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql). Applies the migrations with psql, the
# placeholder app_role empty (one account), as Flyway would; the application itself is not started.
#
# Usage: bench/partitions.sh
# Settings (environment): PGBIN=/usr/lib/postgresql/15/bin  PORT=55433  CROSSINGS=1000000  MONTHS=12  STRAYS=1000
#                         KEEP=1 (keep the cluster and its log in the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${PORT:-55433}
CROSSINGS=${CROSSINGS:-1000000}
MONTHS=${MONTHS:-12}
STRAYS=${STRAYS:-1000}
work=$(mktemp -d /tmp/manfadh-partitions.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    run_as=(runuser -u postgres --)
fi
stop() {
    "${run_as[@]}" "$PGBIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
    if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap stop EXIT
"${run_as[@]}" "$PGBIN/initdb" -D "$work/data" -U postgres -A trust >"$work/initdb.log"
"${run_as[@]}" "$PGBIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-p $PORT -k $work -c listen_addresses='' -c max_wal_size=4GB -c shared_buffers=256MB" start >/dev/null
psql=(psql -h "$work" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -X)
"${psql[@]}" -c "select version()" -At

now() { date +%s.%N; }
apply() { sed 's/\${app_role}//g' "$1" | "${psql[@]}" >/dev/null; }

echo "== the schema before partitioning (every migration below V60)"
for f in $(ls src/main/resources/db/migration/V*.sql | sort -t V -k2 -n); do
    v=$(basename "$f" | sed 's/^V\([0-9]*\)__.*/\1/')
    if [ "$v" -lt 60 ]; then apply "$f"; fi
done

echo "== $CROSSINGS crossings over $MONTHS months, each with a decision; 1 % with version 4 ids, 1 % amended"
t0=$(now)
"${psql[@]}" <<SQL
insert into referencedata.country values ('IRN', 'IR', 'STATE', 'Iran', 'إيران', 'ئێران');
insert into referencedata.governorate values ('IQ-WA', 'Wasit', 'واسط', 'واست', 'FEDERAL');
insert into referencedata.border_point (code, name_en, name_ar, name_ckb, type, governorate_code, authority, status)
values ('ZRB', 'Zurbatiyah', 'زرباطية', 'زورباتیە', 'LAND', 'IQ-WA', 'FEDERAL', 'OPEN');
create function pg_temp.v7(at timestamptz, n bigint) returns uuid language sql as \$\$
    select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-'
            || substr(r, 7, 12))::uuid
      from (select lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') as h, md5(n::text) as r) x
\$\$;
insert into bordercontrol.traveller (id, node_id, created_at, surname, given_names, nationality, sex, name_key)
select pg_temp.v7(now() - interval '$MONTHS months', g), '00000000-0000-7000-8000-000000000001', now(), 'S' || g, 'G',
       'IRN', 'M', 'S' || g || ' G'
  from generate_series(1, $CROSSINGS / 2) g;
insert into bordercontrol.travel_document (id, node_id, traveller_id, document_code, issuing_state, document_number,
       first_seen_at, link_basis, link_confidence)
select pg_temp.v7(now() - interval '$MONTHS months', g + 10000000), node_id, id, 'P', 'IRN', 'N' || g, now(),
       'FIRST_DOCUMENT', 1
  from (select row_number() over () as g, id, node_id from bordercontrol.traveller) t;
create temporary table plan as
select g, case when g % 100 = 0 then gen_random_uuid()
               else pg_temp.v7(now() - random() * interval '$MONTHS months', g + 20000000) end as id,
       d.id as document_id, d.traveller_id
  from generate_series(1, $CROSSINGS) g
  join bordercontrol.travel_document d on d.document_number = 'N' || (1 + g % ($CROSSINGS / 2));
insert into bordercontrol.crossing (id, node_id, border_point, authority, governorate, direction, occurred_at,
       recorded_at, traveller_id, document_id, document, document_valid, purpose, officer, minor, flags, request_hash)
select id, '00000000-0000-7000-8000-000000000001', 'ZRB', 'FEDERAL', 'IQ-WA',
       case when g % 2 = 0 then 'ENTRY' else 'EXIT' end, now() - (g % 1000) * interval '1 hour', now(), traveller_id,
       document_id, '{"documentNumber": "x"}', true, 'PILGRIMAGE', 'officer', false, '{}', 'bench'
  from plan;
insert into bordercontrol.decision (id, node_id, crossing_id, kind, decision, vulnerability, decided_by, decided_at)
select pg_temp.v7(now(), g + 40000000), '00000000-0000-7000-8000-000000000001', id, 'INITIAL', 'ADMITTED', '{}',
       'officer', now()
  from plan;
insert into bordercontrol.crossing_amendment (id, node_id, crossing_id, kind, purpose, reason, amended_by, amended_at)
select pg_temp.v7(now(), g + 60000000), '00000000-0000-7000-8000-000000000001', id, 'CORRECTION', 'BUSINESS', 'bench',
       'supervisor', now()
  from plan where g % 100 = 7;
analyze;
SQL
echo "loaded in $(echo "$(now) - $t0" | bc) s"

fingerprint="select (select count(*) || ' ' || sum(hashtextextended(to_jsonb(c)::text, 0)) from bordercontrol.crossing c)
    || ' / ' || (select count(*) || ' ' || sum(hashtextextended(to_jsonb(d)::text, 0)) from bordercontrol.decision d)
    || ' / ' || (select count(*) || ' ' || sum(hashtextextended(to_jsonb(a)::text, 0)) from bordercontrol.crossing_amendment a)"
before=$("${psql[@]}" -At -c "$fingerprint")
echo "fingerprint before: $before"

echo "== migrations V60 to V64"
t0=$(now)
for f in $(ls src/main/resources/db/migration/V6[0-4]__*.sql | sort -t V -k2 -n); do apply "$f"; done
echo "migrated in $(echo "$(now) - $t0" | bc) s"
after=$("${psql[@]}" -At -c "$fingerprint")
echo "fingerprint after:  $after"
if [ "$before" != "$after" ]; then echo "ROWS CHANGED"; exit 1; fi
echo "every crossing, decision and amendment as before"
"${psql[@]}" -At -c "select count(*) || ' partitions; default partition: ' || (select count(*) from bordercontrol.crossing_default)
                     || ' crossings' from pg_inherits where inhparent = 'bordercontrol.crossing'::regclass"

echo "== plans"
month_start=$("${psql[@]}" -At -c "select date_trunc('month', now() at time zone 'UTC')::date")
explain() {
    echo "-- $1"
    "${psql[@]}" -At -c "explain (analyze, costs off, timing off, summary off) $2" | grep -E "Scan|Subplans|Append|rows" | sed 's/^/   /'
}
explain "a month of recorded crossings (literal bounds)" \
    "select count(*) from bordercontrol.crossing where id >= bordercontrol.uuid7_floor('$month_start') and id < bordercontrol.uuid7_floor(date '$month_start' + interval '1 month')"
echo "-- the same with bounds as parameters (a prepared statement's generic plan)"
"${psql[@]}" -At <<SQL | grep -E "Scan|Subplans|Append" | sed 's/^/   /'
set plan_cache_mode = force_generic_plan;
prepare probe (timestamptz, timestamptz) as
select count(*) from bordercontrol.crossing where id >= bordercontrol.uuid7_floor(\$1) and id < bordercontrol.uuid7_floor(\$2);
explain (analyze, costs off, timing off, summary off) execute probe('$month_start', date '$month_start' + interval '1 month');
SQL
one=$("${psql[@]}" -At -c "select id from bordercontrol.crossing_default limit 1")
explain "one crossing by id" "select * from bordercontrol.crossing where id = '$one'"
traveller=$("${psql[@]}" -At -c "select traveller_id from bordercontrol.crossing limit 1")
explain "a traveller's crossings (no partition key: every partition's index)" \
    "select * from bordercontrol.crossing where traveller_id = '$traveller'"

echo "== a month made late: $STRAYS of its crossings (with their decisions) wait in the default partition"
late=$("${psql[@]}" -At -c "select (date_trunc('month', now() at time zone 'UTC') + interval '9 months')::date")
"${psql[@]}" <<SQL
create function pg_temp.v7(at timestamptz, n bigint) returns uuid language sql as \$\$
    select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-'
            || substr(r, 7, 12))::uuid
      from (select lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') as h, md5(n::text) as r) x
\$\$;
with c as (
    insert into bordercontrol.crossing (id, node_id, border_point, authority, governorate, direction, occurred_at,
           recorded_at, traveller_id, document_id, document, document_valid, officer, minor, flags, request_hash)
    select pg_temp.v7(date '$late' + interval '1 day', g + 90000000), node_id, 'ZRB', 'FEDERAL', 'IQ-WA', 'ENTRY',
           now(), now(), traveller_id, id, '{}', true, 'officer', false, '{}', 'stray'
      from bordercontrol.travel_document, generate_series(1, $STRAYS) g where document_number = 'N1'
    returning id)
insert into bordercontrol.decision (id, node_id, crossing_id, kind, decision, vulnerability, decided_by, decided_at)
select gen_random_uuid(), '00000000-0000-7000-8000-000000000001', id, 'INITIAL', 'ADMITTED', '{}', 'officer', now()
  from c;
SQL
before=$("${psql[@]}" -At -c "$fingerprint")
t0=$(now)
"${psql[@]}" -At -c "select bordercontrol.create_crossing_partition('$late')" >/dev/null
echo "partition for $late made, $STRAYS crossings moved in $(echo "$(now) - $t0" | bc) s"
"${psql[@]}" -At -c "select tableoid::regclass || ': ' || count(*) from bordercontrol.crossing where request_hash = 'stray' group by tableoid"
after=$("${psql[@]}" -At -c "$fingerprint")
if [ "$before" != "$after" ]; then echo "ROWS CHANGED BY THE MOVE"; exit 1; fi
echo "every crossing, decision and amendment as before the move"
