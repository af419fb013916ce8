#!/usr/bin/env bash
# The contact-tracing manifest (GET /api/v1/health/contacts?crossingId=…&hours=2) over 2,000,000 and 20,000,000
# crossings in the register's own tables: p50 and p95 over HTTP as a health officer, for index cases on busy flights
# (50–300 passengers), on buses at Zurbatiyah on an Arbaeen-like day (155,000 crossings in 24 hours there) and on
# ordinary days, beside the size of the lists each answer carries.
#
# Starts Manfadh (headquarters, no demo data, its own data folder and embedded PostgreSQL), then for each size: adds
# crossings in chunks of 1,000,000 until the register holds that many (SQL generate_series into bordercontrol.*, each
# crossing with its traveller, document and initial decision; UUIDv7 ids of the crossing's time, so every crossing is
# in its month's partition; triggers off while loading, as a bulk copy would), analyses, and asks each index case
# RUNS times after 3 unmeasured calls.
#
# Trips over the year up to today: 5 % flights (50–300 passengers, references such as 'IA-123'; a number flies again
# on other days, rarely twice on one),
# 35 % buses (20–60, references written 'BUS-123', 'bus 123' or 'BUS123'), 60 % cars (1–5); land trips at the land
# border points, Zurbatiyah (ZRB) taking 40 % of them; flights at the airports, Baghdad (BGW) taking half. One day,
# 30 days ago, Zurbatiyah takes 3,100 extra buses of 50 (the Arbaeen peak).
#
# Usage: bench/contacts.sh
# Settings (environment):
#   SIZES="2000000 20000000"  crossings in the register, one measurement each (the register grows to each in turn)
#   RUNS=30                   measured calls per index case
#   DATA=/path                keep the data folder there and use what it holds (a second run loads nothing more)
#   JAR=target/manfadh.jar    the application jar (built when missing)
#   KEEP=1                    keep the work folder
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$(realpath -m "${JAR:-target/manfadh.jar}")
sizes="${SIZES:-2000000 20000000}"
runs="${RUNS:-30}"
if [[ ! -f "$jar" ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi
source bench/lib.sh
work_folder contacts
data="${DATA:-$work/data}"
mkdir -p "$data"
http_port=$(free_port 18480)
pg_port=$(free_port $((http_port + 1)))

"$java" -jar "$jar" --server.port="$http_port" --manfadh.data-dir="$data" \
    --manfadh.embedded-postgres.port="$pg_port" --manfadh.demo.data=false ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
started=$(date +%s)
until curl -sf "http://localhost:$http_port/actuator/health" | grep -q '"UP"'; do
    if ! kill -0 "$server_pid" 2>/dev/null || (($(date +%s) - started > 1800)); then
        echo "Manfadh did not start; its log:" >&2
        tail -50 "$work/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
echo "started in $(($(date +%s) - started)) s" >&2
export PGPASSWORD="$(owner_password "$data")"
psql=(psql -h localhost -p "$pg_port" -U postgres -d manfadh -v ON_ERROR_STOP=1 -q -X -At)

# One chunk of crossings: $1 its number (ids, references and travellers of different chunks never meet), $2 how many
# crossings about, $3 1 to add the peak day.
load_chunk() {
    local chunk=$1 n=$2 peak=$3
    "${psql[@]}" >/dev/null <<SQL
begin;
set local session_replication_role = replica;
set local synchronous_commit = off;
set local work_mem = '256MB';
create function pg_temp.v7(at timestamptz, n bigint) returns uuid language sql immutable as \$\$
    select (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-'
            || substr(r, 7, 12))::uuid
      from (select lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') as h, md5(n::text) as r) x
\$\$;
create temporary table land as
select row_number() over (order by code) - 1 as i, code, authority, governorate_code from referencedata.border_point
 where type = 'LAND' and code <> 'ZRB';
create temporary table air as
select row_number() over (order by code) - 1 as i, code, authority, governorate_code from referencedata.border_point
 where type = 'AIR' and code <> 'BGW';
create temporary table trip as
select t, k.mode, k.pax, p.code as point, p.authority, p.governorate_code, k.at, k.direction,
       case k.mode when 'AIR' then 'IA-' || (100 + ($chunk * 7919 + t) % 9000)
                   when 'BUS' then (array['BUS-', 'bus ', 'BUS'])[1 + t % 3] || ($chunk * 10000 + t % 5000)
                   else 'C' || $chunk || 'X' || t end as reference
  from generate_series(1, ceil($n / 24.5)::int) t
  cross join lateral (select case when t % 20 = 0 then 'AIR' when t % 20 < 8 then 'BUS' else 'CAR' end as mode,
                             random() as u, random() as v) r
  cross join lateral (select r.mode,
                             case r.mode when 'AIR' then 50 + floor(r.v * 251)::int when 'BUS' then 20 + floor(r.v * 41)::int
                                         else 1 + floor(r.v * 5)::int end as pax,
                             now() - interval '2 hours' - random() * interval '365 days' as at,
                             case when random() < 0.5 then 'ENTRY' else 'EXIT' end as direction) k
  cross join lateral (select * from (select 'BGW' as code, 'FEDERAL' as authority, 'IQ-BG' as governorate_code
                                     where r.mode = 'AIR' and r.u < 0.5
                                     union all select code, authority, governorate_code from air
                                     where r.mode = 'AIR' and r.u >= 0.5 and i = t % (select count(*) from air)
                                     union all select code, authority, governorate_code from referencedata.border_point
                                     where r.mode <> 'AIR' and r.u < 0.4 and code = 'ZRB'
                                     union all select code, authority, governorate_code from land
                                     where r.mode <> 'AIR' and r.u >= 0.4 and i = t % (select count(*) from land)) q
                       limit 1) p;
insert into trip
select 10000000 + b, 'BUS', 50, 'ZRB', 'FEDERAL', p.governorate_code,
       date_trunc('day', now() - interval '30 days') + (b * 27.87) * interval '1 second', 'ENTRY', 'ZRB-' || b
  from generate_series(1, 3100 * $peak) b, referencedata.border_point p where p.code = 'ZRB';
create temporary table plan as
select row_number() over () + $chunk::bigint * 100000000 as g, t.*, s
  from trip t, generate_series(1, t.pax) s;
insert into bordercontrol.traveller (id, node_id, created_at, surname, given_names, nationality, sex, name_key)
select pg_temp.v7(now() - interval '400 days', $chunk::bigint * 100000000 + g), '00000000-0000-7000-8000-000000000001',
       now(), 'SURNAME' || g, 'GIVEN', (array['IRN', 'IRQ', 'TUR', 'SYR', 'JOR', 'PAK', 'IND', 'LBN'])[1 + g % 8],
       'M', 'SURNAME' || g || ' GIVEN'
  from generate_series(1, ceil($n / 4.0)::int) g;
insert into bordercontrol.travel_document (id, node_id, traveller_id, document_code, issuing_state, document_number,
       first_seen_at, link_basis, link_confidence)
select pg_temp.v7(now() - interval '400 days', $chunk::bigint * 100000000 + 50000000 + g), node_id, id, 'P', nationality,
       'D' || $chunk || '-' || g, now(), 'FIRST_DOCUMENT', 1
  from (select row_number() over () as g, id, node_id, nationality from bordercontrol.traveller
         where created_at = now()) t;
create temporary table who as
select row_number() over () - 1 as i, d.id as document_id, d.traveller_id
  from bordercontrol.travel_document d where d.first_seen_at = now();
create temporary table c as
select pg_temp.v7(p.at + p.s * interval '20 seconds', p.g) as id, p.*, w.document_id, w.traveller_id,
       p.at + p.s * interval '20 seconds' as occurred_at
  from plan p join who w on w.i = (p.g * 7919) % (select count(*) from who);
insert into bordercontrol.crossing (id, node_id, border_point, authority, governorate, direction, occurred_at,
       recorded_at, traveller_id, document_id, document, document_valid, purpose, transport_mode, transport_reference,
       transport_origin, officer, minor, flags, request_hash)
select id, '00000000-0000-7000-8000-000000000001', point, authority, governorate_code, direction, occurred_at,
       occurred_at, traveller_id, document_id, '{}', true, 'TOURISM', mode, reference,
       case when mode = 'AIR' then (array['TUR', 'ARE', 'IRN', 'QAT', 'JOR', 'EGY', 'DEU', 'LBN'])[1 + t % 8] end,
       'officer', false, '{}', 'bench'
  from c;
insert into bordercontrol.decision (id, node_id, crossing_id, kind, decision, vulnerability, decided_by, decided_at)
select pg_temp.v7(occurred_at, g + 50000000), '00000000-0000-7000-8000-000000000001', id, 'INITIAL', 'ADMITTED', '{}',
       'officer', occurred_at
  from c;
commit;
SQL
}

to=$(TZ=Asia/Baghdad date +%F)
echo "# The contact-tracing manifest: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB," \
     "$(uname -sr); JDK: $("$java" -version 2>&1 | head -1); embedded PostgreSQL $(cat "$data/postgres/PG_VERSION")"
# Every month of the year (and the peak day's) has its partition before a crossing of it arrives.
"${psql[@]}" -c "select count(*) filter (where made) || ' monthly partitions made' from (select bordercontrol.create_crossing_partition(m::date) as made
                 from generate_series(date_trunc('month', now() - interval '400 days'), now(), interval '1 month') m) x" >&2
auth="health_officer:manfadh-demo"
for size in $sizes; do
    have=$("${psql[@]}" -c "select count(*) from bordercontrol.crossing")
    chunk=$("${psql[@]}" -c "select count(distinct substr(document_number, 1, strpos(document_number, '-'))) from bordercontrol.travel_document where document_number like 'D%-%'")
    if ((have < size)); then
        t0=$(date +%s)
        while ((have < size)); do
            n=$((size - have < 1000000 ? size - have : 1000000))
            load_chunk "$chunk" "$n" $((chunk == 0 ? 1 : 0))
            chunk=$((chunk + 1))
            have=$("${psql[@]}" -c "select count(*) from bordercontrol.crossing")
            echo "  $have crossings after $(($(date +%s) - t0)) s" >&2
        done
        "${psql[@]}" -c "analyze" >/dev/null
        echo "loaded in $(($(date +%s) - t0)) s"
    fi
    echo
    echo "## $have crossings in the register, the year up to $to"
    "${psql[@]}" -c "select pg_size_pretty(pg_database_size('manfadh')) || ' database'"
    echo "load average before the calls: $(cut -d' ' -f1-3 /proc/loadavg)"
    # Index cases: passengers of the busiest flights, of buses on the peak day at Zurbatiyah, of ordinary buses there
    # and of cars at busy hours.
    cases=$("${psql[@]}" <<'SQL'
with flights as (
    select transport_reference, date_trunc('day', occurred_at at time zone 'Asia/Baghdad') as day, min(id::text) as id, count(*) as n
      from bordercontrol.crossing where transport_mode = 'AIR' and border_point = 'BGW'
       and occurred_at > now() - interval '20 days'
     group by 1, 2 order by n desc limit 5),
peak as (
    select min(id::text) as id from bordercontrol.crossing
     where transport_reference like 'ZRB-%' group by transport_reference order by transport_reference limit 100),
buses as (
    select min(id::text) as id from bordercontrol.crossing
     where transport_mode = 'BUS' and border_point = 'ZRB' and occurred_at > now() - interval '10 days'
     group by transport_reference, date_trunc('day', occurred_at) limit 5),
cars as (
    select id::text from bordercontrol.crossing
     where transport_mode = 'CAR' and border_point = 'ZRB' and occurred_at > now() - interval '10 days' limit 5)
select 'flight', id from flights
union all select 'peak-day bus', id from (select id from peak offset 40 limit 5) p
union all select 'bus', id from buses
union all select 'car', id from cars
SQL
)
    echo
    echo "| index case | crossing | same transport | same border point (shown / total) | p50 ms | p95 ms | max ms |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    all_times=()
    while IFS='|' read -r kind id; do
        url="http://localhost:$http_port/api/v1/health/contacts?crossingId=$id&hours=2"
        if ! body=$(curl -sf -u "$auth" "$url"); then
            echo "| $kind | $id | failed: $(curl -s -o /dev/null -w '%{http_code}' -u "$auth" "$url") | | | | |"
            continue
        fi
        # The lists' lengths (an empty list is a count of 0, not a failure).
        same=$( (grep -o '"sameTransport":\[[^]]*\]' <<<"$body" || true) | grep -o '"crossingId"' | wc -l || true)
        near=$( (grep -o '"sameBorderPoint":\[[^]]*\]' <<<"$body" || true) | grep -o '"crossingId"' | wc -l || true)
        total=$(grep -o '"sameBorderPointTotal":[0-9]*' <<<"$body" | cut -d: -f2 || true)
        for _ in 1 2 3; do curl -sf -o /dev/null -u "$auth" "$url"; done
        times=()
        for _ in $(seq "$runs"); do
            times+=("$(curl -sf -o /dev/null -w '%{time_total}' -u "$auth" "$url")")
        done
        all_times+=("${times[@]}")
        read -r p50 p95 max < <(printf '%s\n' "${times[@]}" | sort -g | awk '{v[NR] = $1 * 1000}
            END {i50 = int(0.50 * NR + 0.999); i95 = int(0.95 * NR + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR]}')
        echo "| $kind | ${id:0:13}… | $same | $near / $total | $p50 | $p95 | $max |"
    done <<<"$cases"
    read -r p50 p95 max < <(printf '%s\n' "${all_times[@]}" | sort -g | awk '{v[NR] = $1 * 1000}
        END {i50 = int(0.50 * NR + 0.999); i95 = int(0.95 * NR + 0.999); printf "%.1f %.1f %.1f\n", v[i50], v[i95], v[NR]}')
    echo "| **all calls (${#all_times[@]})** | | | | **$p50** | **$p95** | $max |"
done
