#!/usr/bin/env bash
# Runs every vibe benchmark and rewrites docs/performance.md:  bash bench/run.sh [--quick] [--only dispatch,latency,...]
# Installs what the figures need, starts a throwaway PostgreSQL cluster with pg_stat_statements on a loopback port
# (as scripts/test.sh does for the tests), publishes vibe as README.md tells users to run it, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# --- packages ---------------------------------------------------------------
wanted=(postgresql chromium)
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

# --- a throwaway PostgreSQL cluster that counts statements ------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/vibe-bench.XXXXXX)
chmod 755 "$work"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
run_as_pg "'$pg_bin/initdb' -D '$work/pg/data' -U vibe --auth=trust -E UTF8 >/dev/null"
run_as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/log' -w -o \"-h 127.0.0.1 -p $pg_port -k '$work/pg' -c max_connections=200 -c fsync=off -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=10000 -c shared_buffers=512MB -c max_wal_size=4GB\" start >/dev/null"
cleanup() {
  run_as_pg "'$pg_bin/pg_ctl' -D '$work/pg/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export VIBE_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=vibe;Database=postgres;Pooling=true"
echo "PostgreSQL benchmark cluster on 127.0.0.1:$pg_port"

# --- what is measured -------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# What README.md tells users to run: ./vibe publishes itself into artifacts/vibe on first use.
./vibe --version >/dev/null
# The same program as plain IL (what ./vibe published before it used ReadyToRun) and the floor both ways, for the
# start-up figure.
dotnet publish src/Vibe.Host/Vibe.Host.csproj -c Release -o artifacts/bench/vibe-il -nologo -v q
dotnet publish bench/Floor/Floor.csproj -c Release -o artifacts/bench/floor -nologo -v q
dotnet publish bench/Floor/Floor.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/bench/floor-r2r -nologo -v q
dotnet build bench/Vibe.Bench/Vibe.Bench.csproj -c Release -nologo -v q
dotnet bench/Vibe.Bench/bin/Release/net10.0/Vibe.Bench.dll "$@"
