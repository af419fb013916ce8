#!/usr/bin/env bash
# The dashboards' questions over 2,000,000 and 20,000,000 synthetic crossings (a year of Iraq's national
# traffic): p50 and p95 through the flows API (the rollups), beside a plain GROUP BY over a table of one
# row of facts per crossing, in the same run.
#
# Starts Manfadh (headquarters, no demo data, its own data folder and embedded PostgreSQL), then for each
# size: fills bench.crossing_fact and feeds the crossings to the application's rollups as changes that its
# own compactor folds (bench/load/StatisticsLoad.java load), then asks every question RUNS times through the
# API and RAW_RUNS times as SQL (StatisticsLoad.java query).
#
# Usage: bench/statistics.sh
# Settings (environment):
#   SIZES="2000000 20000000"  crossings in the year, one run each
#   RUNS=30 RAW_RUNS=7        measured repetitions per question (after 5 and 1 unmeasured)
#   JAR=target/manfadh.jar    the application jar (built when missing)
#   KEEP=1                    keep the work folder
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
jar=$(realpath -m "${JAR:-target/manfadh.jar}")
sizes="${SIZES:-2000000 20000000}"
if [[ ! -f "$jar" ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi
source bench/lib.sh
work_folder statistics
http_port=$(free_port 18380)
pg_port=$(free_port $((http_port + 1)))
(cd "$work" && "$jar_tool" xf "$jar" $("$jar_tool" tf "$jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$'))
jdbc_jar=$(ls "$work"/BOOT-INF/lib/postgresql-*.jar)

"$java" -jar "$jar" --server.port="$http_port" --manfadh.data-dir="$work/data" \
    --manfadh.embedded-postgres.port="$pg_port" --manfadh.demo.data=false ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
server_pid=$!
started=$(date +%s)
until curl -sf "http://localhost:$http_port/actuator/health" | grep -q '"UP"'; do
    if ! kill -0 "$server_pid" 2>/dev/null || (($(date +%s) - started > 120)); then
        echo "Manfadh did not start; its log:" >&2
        tail -50 "$work/server.log" >&2
        exit 1
    fi
    sleep 0.2
done
to=$(TZ=Asia/Baghdad date +%F)
echo "# Dashboards over a year of crossings: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB," \
     "$(uname -sr); JDK: $("$java" -version 2>&1 | head -1); embedded PostgreSQL $(cat "$work/data/postgres/PG_VERSION")"
for size in $sizes; do
    echo
    echo "## $size crossings, the year up to $to"
    "$java" -cp "$jdbc_jar" bench/load/StatisticsLoad.java load --jdbc "jdbc:postgresql://localhost:$pg_port/manfadh" \
        --db-password "$(owner_password "$work/data")" --size "$size" --to "$to"
    echo "load average before the questions: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$java" -cp "$jdbc_jar" bench/load/StatisticsLoad.java query --jdbc "jdbc:postgresql://localhost:$pg_port/manfadh" \
        --db-password "$(owner_password "$work/data")" --url "http://localhost:$http_port" --to "$to" \
        --runs "${RUNS:-30}" --raw-runs "${RAW_RUNS:-7}"
done
