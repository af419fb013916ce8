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
