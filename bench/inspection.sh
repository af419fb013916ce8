#!/usr/bin/env bash
# The primary-inspection round trip measured in a browser (bench/inspection/InspectionRoundTrip.java)
# on the demo data: Manfadh from target/manfadh.jar on a fresh data folder with the demo year of
# crossings loaded, the UN Security Council list imported, then Debian's headless chromium signs in
# as the demo officer and reads zones at Zurbatiyah. Only this machine is sent traffic (localhost).
#
# Usage: bench/inspection.sh            (builds the jar first if it is missing)
# Settings (environment): WARMUP=30 ITERATIONS=200 LISTS=un|none KEEP=1 (keep the work folder)
# Needs chromium and chromium-driver (Debian packages) at /usr/bin.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
warmup="${WARMUP:-30}"
iterations="${ITERATIONS:-200}"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    echo "needs /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver" >&2
    exit 1
fi
if [[ ! -f target/manfadh.jar ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-inspection.XXXXXX")
# The driver runs with the application's test class path, where Selenium is.
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
    || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null

source bench/lib.sh
http_port=$(free_port 18380)
pg_port=$(free_port $((http_port + 1)))
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP:-0}" == 1 ]]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "starting Manfadh on port $http_port with the demo data, data in $work/data" >&2
"$java" -jar target/manfadh.jar --server.port="$http_port" --manfadh.data-dir="$work/data" \
    --manfadh.embedded-postgres.port="$pg_port" >"$work/server.log" 2>&1 &
server_pid=$!
started=$(date +%s)
# Ready once the demo data is in (readiness answers OUT_OF_SERVICE until then).
until curl -sf "http://localhost:$http_port/actuator/health/readiness" | grep -q '"UP"'; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "Manfadh did not start; its log:" >&2; tail -50 "$work/server.log" >&2; exit 1
    fi
    if (($(date +%s) - started > 900)); then
        echo "demo data not loaded after 900 s" >&2; exit 1
    fi
    sleep 1
done
echo "ready with the demo data after $(($(date +%s) - started)) s" >&2

if [[ "${LISTS:-un}" == un ]]; then
    id=$(curl -sf -u admin:manfadh-demo -H 'Content-Type: application/json' \
        -d '{"name":"UN Security Council Consolidated List","kind":"SANCTIONS","actionOnHit":"REFER"}' \
        "http://localhost:$http_port/api/v1/watchlists" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    curl -sf -u admin:manfadh-demo -H 'Content-Type: application/xml' \
        --data-binary @src/test/resources/screening/un-sc-consolidated.xml \
        "http://localhost:$http_port/api/v1/watchlists/$id/imports" >/dev/null
fi

echo "# Primary inspection in the browser: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB;" \
     "JDK: $("$java" -version 2>&1 | head -1); $(/usr/bin/chromium --version 2>/dev/null)"
echo "warm-up $warmup, measured $iterations zones; lists: ${LISTS:-un}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -cp "$(cat "$work/cp.txt")" bench/inspection/InspectionRoundTrip.java --url "http://localhost:$http_port" \
    --warmup "$warmup" --iterations "$iterations"
