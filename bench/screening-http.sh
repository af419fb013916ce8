#!/usr/bin/env bash
# One traveller checked against every list in force over HTTP (POST /api/v1/screening/check), with
# the UN Security Council list and a 100,000-person national list loaded through the application's
# own imports; beside it, the same queries through the name index alone in the driver's process.
#
# Builds target/manfadh.jar and the benchmark driver (unless NO_BUILD=1), starts Manfadh on a
# fresh data folder and free ports, and runs bench/src/main/java/.../ScreeningHttpBenchmark.java:
# imports the lists (the national one as the watchlist manager, approved by the administrator),
# waits until the index finds the last person, measures the heap the lists take (jcmd GC.run and
# GC.heap_info before and after), warms up, then sends the checks with one client, then with two,
# and prints one summary table. Only this machine is sent traffic (localhost).
#
# Usage: bench/screening-http.sh
# Settings (environment):
#   CHECKS=20000            measured checks (each client count sends them all, shared out)
#   WARMUP=5000             checks before measuring (other queries)
#   CLIENTS=1,2             client counts, in turn
#   PERSONS=100000          persons in the national list
#   UN_XML=path             the UN list [/work/shared/data/un-sc-consolidated.xml if present, else the test copy]
#   IN_PROCESS=true         also time the name index alone in the driver
#   JAR=target/manfadh.jar  the application jar to run (another commit's, for a baseline)
#   NO_BUILD=1              build neither the jar nor the driver
#   SERVER_JAVA_OPTS=...    extra JVM options for the server (e.g. a flight recording:
#                           -XX:StartFlightRecording=delay=120s,duration=60s,settings=profile,filename=/tmp/check.jfr)
#   SERVER_ARGS=...         extra application arguments for the server
#   JFR=path.jfr            a flight recording of the server (settings=profile) during the one-client checks;
#                           read it with: jfr print --events jdk.ExecutionSample path.jfr, or jfr view hot-methods path.jfr
#   DRIVER_JAVA_OPTS=...    JVM options of the driver [-Xmx3g]
#   DUMP=path.tsv           each check of the one-client run: its latency over HTTP and in the driver, and its body
#   KEEP=1                  keep the work folder (data, server log, results)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"

jar=$(realpath -m "${JAR:-target/manfadh.jar}")
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    if [[ -z "${JAR:-}" ]]; then
        echo "building target/manfadh.jar" >&2
        ./mvnw -q -B -DskipTests package
    fi
    echo "building bench/target/benchmarks.jar" >&2
    ./mvnw -q -B -f bench/pom.xml package
fi
for needed in "$jar" bench/target/benchmarks.jar; do
    [[ -f "$needed" ]] || { echo "missing $needed (run without NO_BUILD=1)" >&2; exit 1; }
done
un_xml="${UN_XML:-}"
if [[ -z "$un_xml" ]]; then
    un_xml=/work/shared/data/un-sc-consolidated.xml
    [[ -f "$un_xml" ]] || un_xml=src/test/resources/screening/un-sc-consolidated.xml
fi

source bench/lib.sh

work_folder screening-http
http_port=$(free_port 18380)
pg_port=$(free_port $((http_port + 1)))

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
    if (($(date +%s) - started > 180)); then
        echo "Manfadh not UP after 180 s; its log:" >&2
        tail -50 "$work/server.log" >&2
        exit 1
    fi
    sleep 0.2
done
pg_pid=$(head -1 "$work/data/postgres/postmaster.pid")

echo "server: java ${SERVER_JAVA_OPTS:-} -jar ${JAR:-target/manfadh.jar} ${SERVER_ARGS:-}; JDK: $("$java" -version 2>&1 | head -1);" \
     "embedded PostgreSQL $(cat "$work/data/postgres/PG_VERSION"); $(uname -sr);" \
     "$(free -g | awk '/^Mem:/ {print $2}') GB;" \
     "${JAR:+jar $JAR}${JAR:-built from commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)}" | tee "$work/results.txt"

# shellcheck disable=SC2086
"$java" ${DRIVER_JAVA_OPTS:--Xmx3g} -cp bench/target/benchmarks.jar org.manfadh.bench.screening.ScreeningHttpBenchmark run \
    --url "http://localhost:$http_port" --un-xml "$un_xml" --persons "${PERSONS:-100000}" \
    --checks "${CHECKS:-20000}" --warmup "${WARMUP:-5000}" --clients "${CLIENTS:-1,2}" \
    --in-process "${IN_PROCESS:-true}" --server-pid "$server_pid" --pg-pid "$pg_pid" --jcmd "$jcmd" \
    ${JFR:+--jfr "$JFR"} ${DUMP:+--dump "$DUMP"} \
    | tee -a "$work/results.txt"

audited=$(PGPASSWORD="$(owner_password "$work/data")" psql -h localhost -p "$pg_port" -U postgres -d manfadh -Atc \
    "select count(*) from access.audit_event where what = 'POST /api/v1/screening/check' and action = 'READ_PERSONAL_DATA'" \
    2>/dev/null || echo "?")
echo "checks recorded in the audit trail (warm-up and probes included): $audited" | tee -a "$work/results.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
