#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar target/manfadh.jar` to /actuator/health answering UP,
# on a fresh data folder (initdb, migrations, reference data) and on a restart of the same folder.
# Usage: bench/startup.sh [runs]   (build the jar first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18181
measure() {
    local dir="$1" start end pid
    start=$(date +%s%N)
    "$java" -jar target/manfadh.jar --server.port=$port --manfadh.data-dir="$dir" >"$dir.log" 2>&1 &
    pid=$!
    until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "start failed, see $dir.log" >&2; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "scale=2; ($end - $start) / 1000000000" | bc
}
work=$(mktemp -d)
for i in $(seq 1 "$runs"); do
    first=$(measure "$work/run$i")
    again=$(measure "$work/run$i")
    echo "run $i: fresh data folder ${first} s, restart ${again} s"
done
rm -rf "$work"
