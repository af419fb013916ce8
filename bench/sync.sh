#!/usr/bin/env bash
# A border post offline for days catches up: how long headquarters takes to hold everything the post
# recorded meanwhile, once the link is back.
#
# Builds target/manfadh.jar, starts a post (role post, border point ZRB, its own data folder and
# embedded PostgreSQL, hq-url pointing at a port where nothing listens yet, a push interval of a day
# so that only the explicit push below sends anything), records RECORDS crossings through the post's
# HTTP API (setup, not measured), starts headquarters on that port, and as soon as its
# /actuator/health answers UP asks the post to push (POST /api/v1/sync/push) and measures the wall
# time until the post's backlog is 0 and headquarters' database holds RECORDS crossings.
#
# Usage: bench/sync.sh
# Settings (environment):
#   RECORDS=200000         crossings recorded at the post while headquarters is down
#   CONCURRENCY=8          recording workers (setup only)
#   POINT=ZRB              the post's border point
#   RECORD_USER=supervisor:manfadh-demo  who records at the post: an account headquarters sends to that
#                          border point (the demo's supervisor works at ZRB; a post takes no records from
#                          the national administrator, nor headquarters from it)
#   SNAPSHOT=dir           keep the recorded post's data folder there; when it exists, start from a copy
#                          of it instead of recording again (the drain is then measured on the same outbox)
#   POST_ARGS=... HQ_ARGS=...            extra application arguments for the post / headquarters
#   POST_JAVA_OPTS=... HQ_JAVA_OPTS=...  extra JVM options (e.g. a flight recording)
#   NO_BUILD=1             use the jar as it is
#   JAR=target/manfadh.jar the application jar to run (a copy lets a build run meanwhile)
#   KEEP=1                 keep the work folder (data, logs) instead of removing it
#   PORT=18480             the first port tried (post, its PostgreSQL, headquarters, its PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
records="${RECORDS:-200000}"
concurrency="${CONCURRENCY:-8}"
point="${POINT:-ZRB}"
jar=$(realpath -m "${JAR:-target/manfadh.jar}")

if [[ "${NO_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
    echo "building target/manfadh.jar" >&2
    ./mvnw -q -B -DskipTests package
fi

source bench/lib.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-sync.XXXXXX")
post_port=$(free_port "${PORT:-18480}")
post_pg=$(free_port $((post_port + 1)))
hq_port=$(free_port $((post_pg + 1)))
hq_pg=$(free_port $((hq_port + 1)))
post_pid=""
hq_pid=""

stop() { # pid
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$post_pid"
    stop "$hq_pid"
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "work folder kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# The PostgreSQL JDBC driver the application ships, for counting headquarters' crossings.
(cd "$work" && "$jar_tool" xf "$jar" \
    $("$jar_tool" tf "$jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$'))
jdbc_jar=$(ls "$work"/BOOT-INF/lib/postgresql-*.jar)

wait_up() { # pid port log
    local started
    started=$(date +%s)
    until curl -sf "http://localhost:$2/actuator/health" | grep -q '"UP"'; do
        if ! kill -0 "$1" 2>/dev/null; then
            echo "Manfadh did not start; its log:" >&2
            tail -50 "$3" >&2
            exit 1
        fi
        if (($(date +%s) - started > 180)); then
            echo "Manfadh not UP after 180 s; its log:" >&2
            tail -50 "$3" >&2
            exit 1
        fi
        sleep 0.1
    done
}

start_post() {
    # shellcheck disable=SC2086
    "$java" ${POST_JAVA_OPTS:-} -jar "$jar" --server.port="$post_port" \
        --manfadh.data-dir="$work/post" --manfadh.embedded-postgres.port="$post_pg" \
        --manfadh.demo.data=false --manfadh.node.role=post --manfadh.node.border-point="$point" \
        --manfadh.sync.hq-url="http://localhost:$hq_port" --manfadh.sync.interval=PT24H \
        ${POST_ARGS:-} >>"$work/post.log" 2>&1 &
    post_pid=$!
    wait_up "$post_pid" "$post_port" "$work/post.log"
}

echo "# A post catching up after days offline: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GB," \
     "$(uname -sr); JDK: $("$java" -version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"

if [[ -n "${SNAPSHOT:-}" && -d "$SNAPSHOT" ]]; then
    echo "post: starting from the recorded data folder $SNAPSHOT" >&2
    cp -a "$SNAPSHOT" "$work/post"
    start_post
else
    echo "post ($point) on port $post_port, headquarters down; recording $records crossings" >&2
    start_post
    "$java" bench/load/SyncLoad.java record --url "http://localhost:$post_port" --records "$records" \
        --point "$point" --concurrency "$concurrency" --user "${RECORD_USER:-supervisor:manfadh-demo}"
    if [[ -n "${SNAPSHOT:-}" ]]; then
        stop "$post_pid"
        cp -a "$work/post" "$SNAPSHOT"
        echo "post data folder kept in $SNAPSHOT" >&2
        start_post
    fi
fi

echo "starting headquarters on port $hq_port" >&2
# shellcheck disable=SC2086
"$java" ${HQ_JAVA_OPTS:-} -jar "$jar" --server.port="$hq_port" \
    --manfadh.data-dir="$work/hq" --manfadh.embedded-postgres.port="$hq_pg" \
    --manfadh.demo.data=false ${HQ_ARGS:-} >"$work/hq.log" 2>&1 &
hq_pid=$!
wait_up "$hq_pid" "$hq_port" "$work/hq.log"
echo "headquarters UP; load average $(cut -d' ' -f1-3 /proc/loadavg)"

"$java" -cp "$jdbc_jar" bench/load/SyncLoad.java drain --post "http://localhost:$post_port" \
    --hq "http://localhost:$hq_port" --hq-jdbc "jdbc:postgresql://localhost:$hq_pg/manfadh" --records "$records" \
    --db-password "$(owner_password "$work/hq")" \
    --post-pid "$post_pid" --post-pg-pid "$(head -1 "$work/post/postgres/postmaster.pid")" \
    --hq-pid "$hq_pid" --hq-pg-pid "$(head -1 "$work/hq/postgres/postmaster.pid")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Headquarters counts what arrived for the flow statistics in the background (statistics.uncounted): how long
# after the drain its queue is empty, where this build has one.
hq_sql() {
    PGPASSWORD="$(owner_password "$work/hq")" psql -h localhost -p "$hq_pg" -U postgres -d manfadh -Atc "$1" 2>/dev/null
}
if [[ "$(hq_sql "select to_regclass('statistics.uncounted') is not null")" == t ]]; then
    drained_at=$(date +%s.%N)
    while [[ "$(hq_sql "select count(*) from statistics.uncounted")" != 0 ]]; do
        sleep 0.5
    done
    echo "statistics: every crossing counted $(echo "$(date +%s.%N) - $drained_at" | bc -l | xargs printf '%.1f') s after the drain;" \
         "$(hq_sql "select count(*) from statistics.counted") crossings counted"
fi
