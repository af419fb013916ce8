#!/usr/bin/env bash
# The forecast's rolling-origin backtest (src/test/java/org/manfadh/statistics/forecast/ForecastBacktest.java):
# MAE and MASE per border point of the seasonal regression and of the seasonal-naive baseline, on a tuning half
# and a held-out half of the origins, and where next year's Arbaeen peak falls at Zurbatiyah.
#
# Usage: bench/forecast-backtest.sh            the synthetic series (three years shaped like Iraq's points)
#        DEMO=1 bench/forecast-backtest.sh     the demo history: starts Manfadh from target/manfadh.jar on a
#                                              fresh data folder, waits until the demo years are loaded, takes
#                                              the daily flows per border point and the recorded Hijri month
#                                              starts through the API, stops Manfadh, then runs the backtest
# Settings (environment): YEARS=3 (demo history to take), WAIT=900 (seconds to wait for the background years),
#                         KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-forecast.XXXXXX")
cleanup() {
    if [[ -n "${pid:-}" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "work folder: $work" >&2; fi
}
trap cleanup EXIT

./mvnw -q -B -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
    || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
args=()
if [[ -n "${DEMO:-}" ]]; then
    [[ -f target/manfadh.jar ]] || ./mvnw -q -B -DskipTests package
    source bench/lib.sh
    port=$(free_port 18480)
    "$java" -jar target/manfadh.jar --server.port="$port" --manfadh.data-dir="$work/data" >"$work/server.log" 2>&1 &
    pid=$!
    until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "start failed, see $work/server.log" >&2; exit 1; }
        sleep 1
    done
    years="${YEARS:-3}"
    to=$(TZ=Asia/Baghdad date -d yesterday +%F)
    from=$(TZ=Asia/Baghdad date -d "$to - $((years * 365 - 1)) days" +%F)
    flows() {
        curl -sf -u admin:manfadh-demo \
            "http://localhost:$port/api/v1/statistics/flows?from=$from&to=$to&interval=day&by=borderPoint"
    }
    # The earlier years load in the background after readiness: wait until the total stops growing.
    last=-1; waited=0
    while true; do
        total=$(flows | jq '.total')
        [[ "$total" == "$last" ]] && break
        (( waited >= ${WAIT:-900} )) && { echo "the demo history was still loading after ${WAIT:-900} s" >&2; break; }
        last=$total; sleep 20; waited=$((waited + 20))
    done
    echo "demo history $from to $to: $total crossings" >&2
    flows | jq -r '"borderPoint,date,count", (.rows[] | "\(.borderPoint),\(.period),\(.count)")' >"$work/counts.csv"
    : >"$work/month-starts.csv"
    this=$(curl -sf -u admin:manfadh-demo "http://localhost:$port/api/v1/statistics/hijri-month-starts" | jq '.[0].hijriYear')
    for y in $(seq $((this - years - 1)) $((this + 1))); do
        curl -sf -u admin:manfadh-demo "http://localhost:$port/api/v1/statistics/hijri-month-starts?year=$y" \
            | jq -r '.[] | select(.recorded) | "\(.hijriYear),\(.month),\(.firstDay)"' >>"$work/month-starts.csv"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    args=("$work/counts.csv" "$work/month-starts.csv")
fi
"$java" -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" \
    org.manfadh.statistics.forecast.ForecastBacktest "${args[@]}"
