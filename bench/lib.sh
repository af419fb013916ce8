# Shared by the benchmark scripts: sourced, not run.

# The first port from $1 on that nothing listens on.
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port from $1" >&2
    exit 1
}

# The embedded PostgreSQL owner's password of a data folder ($1, a --manfadh.data-dir), empty for a folder from a
# release before the database had passwords.
owner_password() {
    local file="$1/postgres/manfadh-credentials.properties"
    if [[ -f "$file" ]]; then
        sed -n 's/^owner\.password=//p' "$file"
    fi
}

# A work folder for one run (mktemp, named after $1) in $work, and on exit the server whose pid is in
# $server_pid stopped and the folder removed, unless KEEP=1.
work_folder() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/manfadh-$1.XXXXXX")
    server_pid=""
    trap stop_and_clean EXIT
}

stop_and_clean() {
    if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "work folder kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
