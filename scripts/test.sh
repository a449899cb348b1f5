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

# The closing lines for people and CI: each failed test with the start of its message (the full output above
# can be long), then the totals over every test project.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
failures = []
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(trx).getroot()
    for result in root.findall(".//{*}UnitTestResult"):
        outcome = result.get("outcome")
        if outcome == "Passed": p += 1
        elif outcome == "NotExecuted": s += 1
        else:
            f += 1
            message = result.find(".//{*}ErrorInfo/{*}Message")
            lines = (message.text or "").strip().splitlines() if message is not None else []
            failures.append((result.get("testName"), lines[:6]))
for name, lines in failures:
    print(f"FAILED {name}")
    for line in lines: print(f"    {line[:400]}")
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
