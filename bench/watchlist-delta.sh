#!/usr/bin/env bash
# A watchlist delta from headquarters to a border post: how long a change of ENTRIES entries
# (default 10,000) made at headquarters takes to be in force at a connected post.
#
# Starts two Manfadh processes from target/manfadh.jar, each with its own data folder and embedded
# PostgreSQL: headquarters, and a post (border point ZRB) that asks headquarters every INTERVAL
# (default PT60S). Creates a national alert list at headquarters and lets the post take it (version
# 1, empty), then imports a persons CSV of ENTRIES generated people at headquarters and measures
#   - pull: POST /api/v1/sync/pull at the post, timed from the request to its answer: the post asks,
#     fetches the delta (gzip JSON, streamed), applies it in one transaction and feeds its index;
#   - in force: from the end of the import at headquarters to the first moment the post's
#     /api/v1/screening/check finds the last person of the file (a second run, without the
#     explicit pull, waits for the post's own schedule instead: at most INTERVAL + the pull).
# Prints both, in seconds. Only this machine is sent traffic (localhost).
#
# Usage: bench/watchlist-delta.sh            (builds the jar first if it is missing)
# Settings (environment): ENTRIES=10000  INTERVAL=PT60S  KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
entries="${ENTRIES:-10000}"
interval="${INTERVAL:-PT60S}"

if [[ ! -f target/manfadh.jar ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi
source bench/lib.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-delta.XXXXXX")
hq_port=$(free_port 18380)
hq_pg=$(free_port $((hq_port + 1)))
post_port=$(free_port $((hq_pg + 1)))
post_pg=$(free_port $((post_port + 1)))
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ "${KEEP:-0}" == 1 ]]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

start() { # name http-port pg-port args...
    local name=$1 port=$2 pg=$3
    shift 3
    "$java" -Xmx2g -jar target/manfadh.jar --server.port="$port" --manfadh.data-dir="$work/$name" \
        --manfadh.embedded-postgres.port="$pg" --manfadh.demo.data=false "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
}
ready() { # port log
    until curl -sf "http://localhost:$1/actuator/health" | grep -q '"UP"'; do
        sleep 0.2
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "a node failed to start, see $2" >&2; exit 1; fi
    done
}
now() { date +%s%N; }
seconds() { echo "scale=2; ($2 - $1) / 1000000000" | bc; }
admin=(-sf -u admin:manfadh-demo -H 'Content-Type: application/json')

start hq "$hq_port" "$hq_pg"
ready "$hq_port" "$work/hq.log"
start post "$post_port" "$post_pg" --manfadh.node.role=post --manfadh.node.border-point=ZRB \
    --manfadh.sync.hq-url="http://localhost:$hq_port" --manfadh.sync.interval="$interval"
ready "$post_port" "$work/post.log"

# People with names, dates of birth and nationalities of their own: the last one is looked for.
python3 - "$entries" >"$work/persons.csv" <<'PY'
import random, sys
random.seed(7)
n = int(sys.argv[1])
given = ["ALI", "HASSAN", "HUSSEIN", "ZAINAB", "FATIMA", "MOHAMMED", "REZA", "MARYAM", "OMAR", "LAYLA"]
print("externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note")
for i in range(n):
    surname = "".join(random.choice("ABDEHIKLMNORSTUZ") for _ in range(9))
    print(f"BD-{i},,{surname},{random.choice(given)} {random.choice(given)},,,19{random.randint(40, 99)}-0{random.randint(1, 9)}-1{random.randint(0, 9)},"
          f"{random.choice(['IRN', 'SYR', 'TUR', 'PAK', 'AFG'])},{random.choice('MF')},,,")
PY
last=$(tail -1 "$work/persons.csv")
IFS=, read -r _ _ surname given _ _ birth nationality _ <<<"$last"

list=$(curl "${admin[@]}" -d "{\"name\":\"Delta benchmark\",\"kind\":\"NATIONAL_ALERT\",\"actionOnHit\":\"REFER\"}" \
    "http://localhost:$hq_port/api/v1/watchlists" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl "${admin[@]}" -X POST "http://localhost:$post_port/api/v1/sync/pull" >/dev/null

check() {
    curl "${admin[@]}" -d "{\"surname\":\"$surname\",\"givenNames\":\"$given\",\"dateOfBirth\":\"$birth\",\"nationality\":\"$nationality\"}" \
        "http://localhost:$post_port/api/v1/screening/check" | python3 -c 'import json,sys; print(json.load(sys.stdin)["outcome"])'
}

import() {
    curl -sf -u admin:manfadh-demo -H 'Content-Type: text/csv' --data-binary @"$work/persons.csv" \
        "http://localhost:$hq_port/api/v1/watchlists/$list/imports" >/dev/null
}

# 1. The delta fetched by an explicit pull.
import
imported=$(now)
pull=$(curl "${admin[@]}" -X POST -w '\n%{time_total}' "http://localhost:$post_port/api/v1/sync/pull")
until [[ $(check) == HIT ]]; do sleep 0.05; done
in_force=$(now)
pull_seconds=$(tail -1 <<<"$pull")
received=$(head -1 <<<"$pull" | python3 -c 'import json,sys; w=json.load(sys.stdin)["watchlists"]; print(sum(x["entries"] for x in w))')
echo "delta of $received entries: pull ${pull_seconds} s; import end to in force at the post $(seconds "$imported" "$in_force") s"

# 2. The list replaced by a file of the same people under new ids (every entry removed and added
#    again: twice ENTRIES rows), left to the post's own schedule.
sed -i "s/^BD-/BE-/" "$work/persons.csv"
import
imported=$(now)
version() { curl "${admin[@]}" "http://localhost:$1/api/v1/watchlists/$list" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])'; }
target=$(version "$hq_port")
until [[ $(version "$post_port") == "$target" ]]; do sleep 0.2; done
echo "second delta (removals and additions) by the post's schedule (interval $interval): version $target at the post after $(seconds "$imported" "$(now)") s"
[[ $(check) == HIT ]] || { echo "the post does not find the listed person after the second delta" >&2; exit 1; }
grep -o 'Watchlist Delta benchmark now at version .*' "$work/post.log" | tail -2
