#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar target/manfadh.jar` to /actuator/health/liveness
# answering UP (the server is up) and to /actuator/health answering UP (ready: in demo mode, once
# the demo data is loaded), on a fresh data folder (initdb, migrations, reference data, demo data)
# and on a restart of the same folder.
# Usage: bench/startup.sh [runs] [extra arguments for the application]
#        (build the jar first: ./mvnw -q -DskipTests package)
# Beside the times: the CPU time the JVM used until ready (not PostgreSQL's), steadier on a busy machine.
# JAR=path/to/manfadh.jar measures another build (a baseline kept aside, to alternate with this one).
# TRACE=1 records Spring's start-up steps on the fresh data folder of each run (bench/startup/StartupTrace.java)
# and prints the slowest; the full trace is kept in target/startup-trace-run<i>.txt (and .tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs="${1:-3}"
shift || true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(realpath "${JAR:-target/manfadh.jar}")"
# Another start-up measured on this machine at the same time must not answer for this one.
port=$(free_port 18190)
elapsed() {
    echo "scale=2; ($(date +%s%N) - $1) / 1000000000" | bc
}
# measure <data folder> <trace file or empty> [application arguments]
measure() {
    local dir="$1" trace="$2" start live="" pid
    shift 2
    local launch=(-jar "$jar")
    if [[ -n "$trace" ]]; then
        launch=(-Dtrace.out="$trace" -Dloader.main=StartupTrace -Dloader.path="$work/trace-classes" -cp "$jar"
            org.springframework.boot.loader.launch.PropertiesLauncher)
    fi
    start=$(date +%s%N)
    "$java" "${launch[@]}" --server.port=$port --manfadh.data-dir="$dir" "$@" >"$dir.log" 2>&1 &
    pid=$!
    until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "start failed, see $dir.log" >&2; exit 1; }
        if [ -z "$live" ] && curl -sf "http://localhost:$port/actuator/health/liveness" | grep -q '"UP"'; then
            live=$(elapsed "$start")
        fi
        sleep 0.05
    done
    local ready cpu
    ready=$(elapsed "$start")
    # The JVM's own CPU time until ready: on a machine shared with other work, steadier than the wall clock.
    cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tick }' "/proc/$pid/stat")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "live ${live:-$ready} s, ready ${ready} s (JVM CPU ${cpu} s)"
}
work_folder startup
if [[ "${TRACE:-0}" == 1 ]]; then
    # The recorder is compiled against the jar's own libraries and started through Spring Boot's launcher.
    (cd "$work" && unzip -q "$jar" 'BOOT-INF/lib/*' 'BOOT-INF/classes/*')
    "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/trace-classes" \
        -cp "$work/BOOT-INF/classes:$(printf '%s:' "$work"/BOOT-INF/lib/*.jar)" bench/startup/StartupTrace.java
fi
for i in $(seq 1 "$runs"); do
    trace=""
    if [[ "${TRACE:-0}" == 1 ]]; then
        trace="$PWD/target/startup-trace-run$i.txt"
    fi
    first=$(measure "$work/run$i" "$trace" "$@")
    loaded=$(grep -o 'Demo data: [0-9]* crossings.*' "$work/run$i.log" || echo "no demo data")
    again=$(measure "$work/run$i" "" "$@")
    echo "run $i: fresh data folder: ${first}; restart: ${again}"
    echo "       ${loaded}"
    if [[ -n "$trace" ]]; then
        sed -n '/^Top-level/,/^Slowest/p' "$trace" | sed '$d'
        sed -n '/^Slowest/,$p' "$trace" | head -16
    fi
done
