#!/usr/bin/env bash
# Runs every vibe benchmark and rewrites docs/performance.md:  bash bench/run.sh [--quick] [--only dispatch,latency,...]
# Installs what the figures need, starts a throwaway PostgreSQL cluster with pg_stat_statements on a loopback port
# (as scripts/test.sh does for the tests), publishes vibe as README.md tells users to run it, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/lib.sh

# --- packages ---------------------------------------------------------------
install_missing postgresql chromium

# --- a throwaway PostgreSQL cluster that counts statements ------------------
work=$(mktemp -d /tmp/vibe-bench.XXXXXX)
start_throwaway_postgres "$work" -c max_connections=200 -c fsync=off -c shared_preload_libraries=pg_stat_statements \
  -c pg_stat_statements.max=10000 -c shared_buffers=512MB -c max_wal_size=4GB
cleanup() {
  stop_throwaway_postgres "$work"
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
