#!/usr/bin/env bash
# Runs vibe's whole test suite on a fresh machine with the .NET 10 SDK:
# installs the Debian packages the tests drive (PostgreSQL, Chromium, Xvfb, an SMTP server, AT-SPI),
# starts a throwaway PostgreSQL cluster on a loopback port, runs every test project, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# --- packages ---------------------------------------------------------------
mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/apt-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- a throwaway PostgreSQL cluster -----------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/vibe-test.XXXXXX)
chmod 755 "$work"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
run_as_pg "'$pg_bin/initdb' -D '$work/pg/data' -U vibe --auth=trust -E UTF8 >/dev/null"
run_as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/log' -w -o \"-h 127.0.0.1 -p $pg_port -k '$work/pg' -c max_connections=200 -c fsync=off\" start >/dev/null"
cleanup() {
  run_as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export VIBE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=vibe;Database=postgres;Pooling=true"
echo "PostgreSQL test cluster on 127.0.0.1:$pg_port"

# --- tests ------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Vibe.sln -c Release -nologo -v q
results="$work/results"
status=0
dotnet test Vibe.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for people and CI: totals over every test project.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
