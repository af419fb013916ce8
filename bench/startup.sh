#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar target/manfadh.jar` to /actuator/health/liveness
# answering UP (the server is up) and to /actuator/health answering UP (ready: in demo mode, once
# the demo data is loaded), on a fresh data folder (initdb, migrations, reference data, demo data)
# and on a restart of the same folder.
# Usage: bench/startup.sh [runs] [extra arguments for the application]
#        (build the jar first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18181
elapsed() {
    echo "scale=2; ($(date +%s%N) - $1) / 1000000000" | bc
}
measure() {
    local dir="$1" start live="" pid
    shift
    start=$(date +%s%N)
    "$java" -jar target/manfadh.jar --server.port=$port --manfadh.data-dir="$dir" "$@" >"$dir.log" 2>&1 &
    pid=$!
    until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "start failed, see $dir.log" >&2; exit 1; }
        if [ -z "$live" ] && curl -sf "http://localhost:$port/actuator/health/liveness" | grep -q '"UP"'; then
            live=$(elapsed "$start")
        fi
        sleep 0.05
    done
    local ready
    ready=$(elapsed "$start")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "live ${live:-$ready} s, ready ${ready} s"
}
work=$(mktemp -d)
for i in $(seq 1 "$runs"); do
    first=$(measure "$work/run$i" "$@")
    loaded=$(grep -o 'Demo data: [0-9]* crossings.*' "$work/run$i.log" || echo "no demo data")
    again=$(measure "$work/run$i" "$@")
    echo "run $i: fresh data folder: ${first}; restart: ${again}"
    echo "       ${loaded}"
done
rm -rf "$work"
