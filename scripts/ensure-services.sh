#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer where DATABASE_URL and REDIS_URL (or their defaults) point,
# so `npm test`, the benches and CI work on a fresh Debian machine (`npm start` never runs this: it
# falls back to its embedded default instead): a stopped local server is started,
# a missing one is installed with apt-get, and local PostgreSQL is made to trust TCP user postgres
# (the tests create and drop their own databases as that user). Servers on other hosts are only
# waited for, never managed. Returns in well under a second when both already answer.
set -euo pipefail

WAIT_SECONDS=${ENSURE_SERVICES_WAIT_SECONDS:-30}
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

say() { echo "ensure-services: $*" >&2; }
fail() { say "$*"; exit 1; }

# "scheme://user@host:port/path" -> "host port" (IPv6 hosts come in brackets).
host_and_port() {
  local authority=${1#*://}
  authority=${authority%%/*}
  authority=${authority%%\?*}
  authority=${authority##*@}
  local host port
  if [[ $authority == \[* ]]; then
    host=${authority%%]*}; host=${host#[}
    port=${authority##*]}; port=${port#:}
  else
    host=${authority%%:*}
    port=${authority#"$host"}; port=${port#:}
  fi
  echo "${host:-127.0.0.1} ${port:-$2}"
}

read -r PG_HOST PG_PORT <<<"$(host_and_port "$DATABASE_URL" 5432)"
read -r REDIS_HOST REDIS_PORT <<<"$(host_and_port "$REDIS_URL" 6379)"

is_local() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Locally: answers as user postgres over TCP without a password, which the tests need.
# Elsewhere: the port is open; credentials are that server's business.
postgres_ok() {
  if is_local "$PG_HOST" && command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=2 psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1
  else
    tcp_open "$PG_HOST" "$PG_PORT"
  fi
}

redis_ok() {
  local reply=''
  # Braces: `exec 2>/dev/null` alone would silence this script's stderr for good.
  { exec 4<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&4
  read -r -t 2 reply <&4 || true
  exec 4>&- 4<&-
  [[ $reply == +PONG* ]]
}

wait_for() { # name command [args...]
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "${@:2}"; do
    ((SECONDS < deadline)) || fail "$1 did not answer within ${WAIT_SECONDS}s."
    sleep 0.2
  done
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "$* missing and apt-get is not available: install it yourself."
  say "installing $* with apt-get"
  if ((APT_UPDATED == 0)); then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The Debian cluster serving PG_PORT, as "version name", if there is one.
pg_cluster_on_port() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

start_postgres() {
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  local cluster version name
  cluster=$(pg_cluster_on_port)
  if [[ -z $cluster ]]; then
    [[ -z $(pg_lsclusters -h) ]] || fail "no PostgreSQL cluster uses port $PG_PORT (see pg_lsclusters); set DATABASE_URL."
    # Installed without a cluster (some images skip it): create the default one.
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main -p "$PG_PORT" >/dev/null
    cluster="$version main"
  fi
  read -r version name <<<"$cluster"
  if ! tcp_open "$PG_HOST" "$PG_PORT"; then
    say "starting PostgreSQL $version/$name"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
    wait_for PostgreSQL tcp_open "$PG_HOST" "$PG_PORT"
  fi
  postgres_ok || trust_local_postgres "$version" "$name"
}

# A fresh Debian cluster asks TCP clients for a password; this machine's tools and tests connect
# without one, as user postgres, to every database (each test file creates its own).
trust_local_postgres() {
  local hba="/etc/postgresql/$1/$2/pg_hba.conf"
  as_root test -f "$hba" || fail "PostgreSQL refuses user postgres over TCP and $hba is missing."
  if ! as_root grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    say "trusting TCP user postgres from this machine in $hba"
    local current
    current=$(as_root cat "$hba")
    # Rules match first to last: ours go on top. tee keeps the file's owner and mode.
    printf '%s\n' '# Added by scripts/ensure-services.sh: local tools and tests connect as postgres without a password.' \
      'host all postgres 127.0.0.1/32 trust' 'host all postgres ::1/128 trust' "$current" | as_root tee "$hba" >/dev/null
    as_root pg_ctlcluster --skip-systemctl-redirect "$1" "$2" reload
  fi
}

start_redis() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  say "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

# Fast path: both answer already.
if postgres_ok && redis_ok; then exit 0; fi

if ! postgres_ok; then
  if is_local "$PG_HOST"; then start_postgres; fi
  wait_for "PostgreSQL at $PG_HOST:$PG_PORT (user postgres, no password)" postgres_ok
fi

if ! redis_ok; then
  if is_local "$REDIS_HOST"; then start_redis; fi
  wait_for "Redis at $REDIS_HOST:$REDIS_PORT" redis_ok
fi
say "PostgreSQL ($PG_HOST:$PG_PORT) and Redis ($REDIS_HOST:$REDIS_PORT) are up."
