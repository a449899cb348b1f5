#!/usr/bin/env bash
# Runs vibe's whole test suite on a fresh machine with the .NET 10 SDK:
# installs the Debian packages the tests drive (PostgreSQL, Chromium, Xvfb, an SMTP server, AT-SPI),
# starts a throwaway PostgreSQL cluster on a loopback port, runs every test project, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/lib.sh

# --- packages ---------------------------------------------------------------
mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/apt-packages.txt)
install_missing "${wanted[@]}"

# --- a throwaway PostgreSQL cluster -----------------------------------------
work=$(mktemp -d /tmp/vibe-test.XXXXXX)
start_throwaway_postgres "$work" -c max_connections=200 -c fsync=off
cleanup() {
  stop_throwaway_postgres "$work"
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
