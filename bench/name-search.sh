#!/usr/bin/env bash
# Traveller search by name on a register of about 200,000 travellers: how long the name keys of a
# register that had none take to work out in the background, how long searches take over HTTP, and
# PostgreSQL's plan of each search (auto_explain, with ANALYZE and BUFFERS), to see that the search
# goes through the inverted index on the keys and never reads every traveller.
#
# Builds target/manfadh.jar, starts it on a fresh data folder with the demo year at SCALE crossings
# (480,000 crossings make about 200,000 travellers), waits until every traveller has its keys (the
# demo travellers are queued for them like travellers here before the keys existed), stops it,
# turns auto_explain on for the database, starts it again on the same folder and runs each search
# ROUNDS times as the administrator (every border point) and as the federal officer (a jurisdiction:
# the search also checks each traveller's crossings), timing them with curl. The plans are written
# to the work folder's postgres log; the last plan of each search is printed.
#
# Usage: bench/name-search.sh
# Settings (environment): SCALE=480000, ROUNDS=5, NO_BUILD=1, KEEP=1, PORT=18580
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
scale="${SCALE:-480000}"
rounds="${ROUNDS:-5}"
jar=$(realpath -m "${JAR:-target/manfadh.jar}")

if [[ "${NO_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi

source bench/lib.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-search.XXXXXX")
port=$(free_port "${PORT:-18580}")
pg=$(free_port $((port + 1)))
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        wait "$pid" 2>/dev/null || true
    fi
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "work folder kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

start() { # log
    # shellcheck disable=SC2086
    "$java" -jar "$jar" --server.port="$port" --manfadh.data-dir="$work/data" \
        --manfadh.embedded-postgres.port="$pg" --manfadh.demo.data.scale="$scale" >>"$1" 2>&1 &
    pid=$!
    local started
    started=$(date +%s)
    until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
        if ! kill -0 "$pid" 2>/dev/null || (($(date +%s) - started > 600)); then
            echo "Manfadh did not start; its log:" >&2
            tail -50 "$1" >&2
            exit 1
        fi
        sleep 0.2
    done
}
stop() {
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
}
sql() {
    PGPASSWORD="$(owner_password "$work/data")" psql -h localhost -p "$pg" -U postgres -d manfadh -Atq -c "$1"
}

echo "# Traveller search by name: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"

start "$work/first.log"
echo "travellers: $(sql 'select count(*) from bordercontrol.traveller'), crossings: $(sql 'select count(*) from bordercontrol.crossing')"
t0=$(date +%s.%N)
while (($(sql 'select count(*) from bordercontrol.name_key_refresh') > 0)); do
    sleep 1
done
t1=$(date +%s.%N)
echo "name keys of every traveller worked out $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s after the application was UP"
sql "select 'keys a traveller: ' || round(avg(cardinality(keys)), 1) || ' on average, ' || max(cardinality(keys)) || ' at most' from bordercontrol.traveller_name_keys"
sql "select 'table ' || pg_size_pretty(pg_relation_size('bordercontrol.traveller_name_keys')) || ', index ' || pg_size_pretty(pg_relation_size('bordercontrol.traveller_name_keys_search'))"
# For the sessions of the next start: every statement's plan, with what it did.
sql "alter database manfadh set session_preload_libraries = 'auto_explain'"
sql "alter database manfadh set auto_explain.log_min_duration = 0"
sql "alter database manfadh set auto_explain.log_analyze = on"
sql "alter database manfadh set auto_explain.log_buffers = on"
sql "alter system set logging_collector = on"
sql "alter system set log_directory = 'log'"
stop
start "$work/second.log"
sql "vacuum analyze bordercontrol.traveller_name_keys"

# The commonest full names of the register, in Latin letters and in Arabic script, and misspelt, given name first.
common=$(sql "select surname || ' ' || given_names from bordercontrol.traveller group by 1 order by count(*) desc limit 1")
arabic=$(sql "select name_original from bordercontrol.traveller where name_original ~ '[ء-ي]' group by 1 order by count(*) desc limit 1")
rare=$(sql "select given_names || ' ' || surname from bordercontrol.traveller group by 1 order by count(*), 1 limit 1")
searches=("$common" "$arabic" "$rare" "${rare/A/E}" "Mohammed" "Mohamad Ali")
echo "searches: $(printf '[%s] ' "${searches[@]}")"
for user in admin officer; do
    for name in "${searches[@]}"; do
        times=()
        for ((i = 0; i < rounds; i++)); do
            times+=("$(curl -s -o "$work/answer.json" -w '%{time_total}' -u "$user:manfadh-demo" -G \
                --data-urlencode "name=$name" --data-urlencode "size=25" "http://localhost:$port/api/v1/travellers")")
        done
        total=$(sed -n 's/.*"totalElements":\([0-9]*\).*/\1/p' "$work/answer.json")
        echo "$user [$name]: $total found; seconds: ${times[*]}"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plans of the searches (auto_explain), the last of each:"
for log in "$work"/data/postgres/log/*; do
    # a plan is logged as "duration: ... plan:" and its indented lines; the searches' plans read the keys' table
    awk '/duration: .* plan:/ {if (plan ~ /traveller_name_keys n/) last[++n] = plan; plan = $0; next}
         /^[ \t]/ {plan = plan "\n" $0; next}
         {if (plan ~ /traveller_name_keys n/) last[++n] = plan; plan = ""}
         END {if (plan ~ /traveller_name_keys n/) last[++n] = plan; for (i = 1; i <= n; i++) print last[i] "\n"}' "$log"
done > "$work/plans.txt"
echo "$(grep -c 'duration: .* plan:' "$work/plans.txt") plans of searches in $work/plans.txt"
