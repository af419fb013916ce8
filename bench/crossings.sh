#!/usr/bin/env bash
# Crossings recorded per second over the HTTP API, against the database's own plain-insert ceiling
# measured in the same run on the same embedded PostgreSQL.
#
# Starts Manfadh from target/manfadh.jar on a fresh data folder and free ports, waits for
# /actuator/health, then for each concurrency level measures the ceiling (a JDBC insert loop, and
# pgbench when it is installed) and the HTTP load (bench/load/CrossingLoad.java), stops Manfadh
# with SIGTERM and prints one summary table. Only this machine is sent traffic (localhost).
#
# Usage: bench/crossings.sh                      (builds the jar first if it is missing)
# Settings (environment):
#   CONCURRENCY=4,8,16,32  WARMUP=60  SETTLE=5  DURATION=60  CEILING_DURATION=15
#   (the server's JIT needs more than 20 s of this load: in one run, after 20 s a crossing still
#   cost the server JVM 75 % more CPU than after two minutes)
#   CLIENT=raw|jdk         the driver's HTTP client
#   PGBENCH=auto|off|PATH  also measure the ceiling with pgbench (auto: when on the PATH)
#   SERVER_JAVA_OPTS=...   extra JVM options for the server (e.g. a flight recording)
#   SERVER_ARGS=...        extra application arguments for the server
#   LISTS=un|none          screen every crossing against the UN Security Council list (imported
#                          from src/test/resources/screening/un-sc-consolidated.xml before the load)
#                          or against no list at all (recording and an empty screening)
#   NATIONAL_CSV=path      also import this persons CSV as a national alert list
#   JAR=target/manfadh.jar the application jar to run (another commit's, for a baseline in the same session)
#   KEEP=1                 keep the work folder (data, server log, results) instead of removing it
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"

concurrency="${CONCURRENCY:-4,8,16,32}"
warmup="${WARMUP:-60}"
settle="${SETTLE:-5}"
duration="${DURATION:-60}"
ceiling_duration="${CEILING_DURATION:-15}"
client="${CLIENT:-raw}"
pgbench_setting="${PGBENCH:-auto}"

jar=$(realpath -m "${JAR:-target/manfadh.jar}")
if [[ ! -f "$jar" ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi

source bench/lib.sh

work_folder crossings
http_port=$(free_port 18280)
pg_port=$(free_port $((http_port + 1)))

pgbench_path=""
case "$pgbench_setting" in
    off) ;;
    auto) pgbench_path=$(command -v pgbench || true) ;;
    *) pgbench_path="$pgbench_setting" ;;
esac

# The PostgreSQL JDBC driver the application ships, for the ceiling's insert loop.
(cd "$work" && "$jar_tool" xf "$jar" \
    $("$jar_tool" tf "$jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$'))
jdbc_jar=$(ls "$work"/BOOT-INF/lib/postgresql-*.jar)

echo "starting Manfadh on port $http_port (embedded PostgreSQL on $pg_port), data in $work/data" >&2
# shellcheck disable=SC2086
"$java" ${SERVER_JAVA_OPTS:-} -jar "$jar" --server.port="$http_port" \
    --manfadh.data-dir="$work/data" --manfadh.embedded-postgres.port="$pg_port" \
    --manfadh.demo.data=false ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
started=$(date +%s)
until curl -sf "http://localhost:$http_port/actuator/health" | grep -q '"UP"'; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "Manfadh did not start; its log:" >&2
        tail -50 "$work/server.log" >&2
        exit 1
    fi
    if (($(date +%s) - started > 120)); then
        echo "Manfadh not UP after 120 s; its log:" >&2
        tail -50 "$work/server.log" >&2
        exit 1
    fi
    sleep 0.2
done
pg_pid=$(head -1 "$work/data/postgres/postmaster.pid")

# The lists every crossing is screened against.
lists="${LISTS:-un}"
import_list() { # name kind action content-type file
    local id
    id=$(curl -sf -u admin:manfadh-demo -H 'Content-Type: application/json' \
        -d "{\"name\":\"$1\",\"kind\":\"$2\",\"actionOnHit\":\"$3\"}" \
        "http://localhost:$http_port/api/v1/watchlists" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    curl -sf -u admin:manfadh-demo -H "Content-Type: $4" --data-binary "@$5" \
        "http://localhost:$http_port/api/v1/watchlists/$id/imports" >/dev/null
    echo "list '$1': $(curl -sf -u admin:manfadh-demo "http://localhost:$http_port/api/v1/watchlists/$id" \
        | sed -n 's/.*"entryCount":\([0-9]*\).*/\1/p') entries in force" >&2
}
if [[ "$lists" == un ]]; then
    import_list "UN Security Council Consolidated List" SANCTIONS REFER application/xml \
        src/test/resources/screening/un-sc-consolidated.xml
fi
if [[ -n "${NATIONAL_CSV:-}" ]]; then
    import_list "National alerts" NATIONAL_ALERT REFER text/csv "$NATIONAL_CSV"
fi

echo "# Recording crossings over HTTP: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB," \
     "$(uname -sr); JDK: $("$java" -version 2>&1 | head -1)"
echo "server: java ${SERVER_JAVA_OPTS:-} -jar ${JAR:-target/manfadh.jar}, embedded PostgreSQL $(cat "$work/data/postgres/PG_VERSION")"
echo "load: concurrency $concurrency, warm-up ${warmup} s, settle ${settle} s, measured ${duration} s per level," \
     "ceiling ${ceiling_duration} s per level, client $client, pgbench ${pgbench_path:-not used}"
echo "lists screened against: $lists${NATIONAL_CSV:+ and $NATIONAL_CSV}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$java" -cp "$jdbc_jar" bench/load/CrossingLoad.java run \
    --url "http://localhost:$http_port" --jdbc "jdbc:postgresql://localhost:$pg_port/manfadh" \
    --db-password "$(owner_password "$work/data")" \
    --concurrency "$concurrency" --warmup "$warmup" --settle "$settle" --duration "$duration" \
    --ceiling-duration "$ceiling_duration" --client "$client" \
    --server-pid "$server_pid" --pg-pid "$pg_pid" ${pgbench_path:+--pgbench "$pgbench_path"} \
    | tee "$work/results.txt"

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
crossings=$(PGPASSWORD="$(owner_password "$work/data")" psql -h localhost -p "$pg_port" -U postgres -d manfadh -Atc \
    "select count(*) from bordercontrol.crossing" 2>/dev/null || echo "?")
echo "crossings in the register at the end: $crossings"

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
