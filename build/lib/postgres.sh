# Shared by build/run, build/test and build/bench: a private PostgreSQL cluster on a loopback port.
# Functions only; the caller decides the data directory, the port and when to stop.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

pg_ensure_installed() {
  if [ -z "$(pg_bin_dir)" ]; then
    echo "PostgreSQL server not found; installing Debian's postgresql package..." >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(pg_bin_dir)
  [ -n "$PG_BIN" ] || { echo "could not find PostgreSQL server binaries after installing" >&2; return 1; }
  # initdb refuses to run as root, so root runs the cluster as an unprivileged system user.
  if [ "$(id -u)" -eq 0 ]; then
    PG_OS_USER=postgres
    id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
  else
    PG_OS_USER=""
  fi
}

pg_as_owner() {
  if [ -n "$PG_OS_USER" ]; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

# pg_start DATA_DIR PORT [fresh]: initialises the cluster when needed (always with "fresh") and starts it.
pg_start() {
  local data_dir=$1 port=$2 fresh=${3:-}
  mkdir -p "$(dirname "$data_dir")"
  data_dir=$(cd "$(dirname "$data_dir")" && pwd)/$(basename "$data_dir")
  PG_DATA_DIR=$data_dir
  PG_PORT=$port
  if [ -n "$fresh" ] && [ -d "$data_dir" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$data_dir"
  fi
  if [ ! -f "$data_dir/PG_VERSION" ]; then
    mkdir -p "$data_dir"
    [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$data_dir"
    chmod 700 "$data_dir"
    pg_as_owner "$PG_BIN/initdb" -D "$data_dir" -U dagmaster --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # One role signs in with a password, as Azure Database for PostgreSQL checks an Entra token: the token tests
    # set its password to each token they hand out. Every other role is trusted on this private loopback cluster.
    sed -i '1i host all dagmaster_token 127.0.0.1/32 scram-sha-256' "$data_dir/pg_hba.conf"
    cat >>"$data_dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data_dir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
CONF
  fi
  # A cluster left running by an interrupted earlier run is stopped first.
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" status >/dev/null 2>&1 && pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m fast stop >/dev/null
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -o "-p $port" -l "$data_dir/server.log" -w -t 60 start >/dev/null \
    || { echo "PostgreSQL failed to start; see $data_dir/server.log" >&2; tail -n 20 "$data_dir/server.log" >&2; return 1; }
}

pg_stop() {
  [ -n "${PG_DATA_DIR:-}" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA_DIR" -m fast stop >/dev/null 2>&1 || true
}

# pg_create_db NAME: creates the database when it does not exist yet.
pg_create_db() {
  local name=$1
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U dagmaster -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U dagmaster "$name"
  fi
}

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=dagmaster;Maximum Pool Size=100"
}
