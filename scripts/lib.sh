# Shared by scripts/test.sh and bench/run.sh (source it): installing Debian packages and starting a throwaway
# PostgreSQL cluster on a loopback port, so the tests and the benchmarks set up the same way.

# install_missing PACKAGE...: apt-get installs those not installed yet (root, or sudo).
install_missing() {
  local missing=() pkg sudo_cmd=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# start_throwaway_postgres WORK_DIR [SERVER OPTIONS...]: initdb + pg_ctl in WORK_DIR/pg on a free loopback port,
# superuser `vibe`, trust authentication. Sets pg_port; stop it with stop_throwaway_postgres WORK_DIR.
start_throwaway_postgres() {
  local work=$1; shift
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  chmod 755 "$work"
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  run_as_postgres "'$pg_bin/initdb' -D '$work/pg/data' -U vibe --auth=trust -E UTF8 >/dev/null"
  run_as_postgres "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/log' -w -o \"-h 127.0.0.1 -p $pg_port -k '$work/pg' $*\" start >/dev/null"
}

stop_throwaway_postgres() {
  run_as_postgres "'$pg_bin/pg_ctl' -D '$1/pg/data' -m immediate stop" >/dev/null 2>&1 || true
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
run_as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
