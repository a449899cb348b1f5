#!/bin/sh
# Restarts the vibe service on Linux and macOS. Run it through `vibe restart-service`, which sets:
#   VIBE_SERVICE_PID   the running service's pid, proven by vibe (it holds the pid file's lock and runs start-service);
#                      empty when none runs. The script never stops a pid read from the pid file.
#   VIBE_PID_FILE      the running service's pid file (to see the new service come up)
#   VIBE_STOP_FILE     the file whose creation asks the service to stop gracefully
#   VIBE_SERVICE_LOG   where the new service's output goes
#   VIBE_START_PROGRAM and VIBE_START_ARGS (one per line): how to start vibe again
# VIBE_STOP_TIMEOUT (seconds, default 300) bounds the wait for the old service's current run to finish.
set -eu
: "${VIBE_PID_FILE:?run this script through: vibe restart-service}"

old="${VIBE_SERVICE_PID:-}"
case "$old" in
  *[!0-9]*) echo "VIBE_SERVICE_PID is '$old', not a pid; nothing was stopped" >&2; exit 2 ;;
esac
if [ -n "$old" ] && [ "$old" -le 1 ]; then
  echo "VIBE_SERVICE_PID is $old; pids 0 and 1 and below are never signalled" >&2
  exit 2
fi
# Checked again here, in case the pid changed hands since vibe looked: it must still run `start-service`.
is_service() {
  if [ -r "/proc/$1/cmdline" ]; then
    tr '\000' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qx 'start-service'
  else
    ps -o command= -p "$1" 2>/dev/null | grep -q 'start-service'
  fi
}
if [ -n "$old" ] && kill -0 "$old" 2>/dev/null && is_service "$old"; then
  echo "stopping the vibe service (pid $old); its current run may finish first..."
  touch "$VIBE_STOP_FILE"
  kill -TERM "$old" 2>/dev/null || true
  waited=0
  while kill -0 "$old" 2>/dev/null; do
    if [ "$waited" -ge "$((${VIBE_STOP_TIMEOUT:-300} * 5))" ]; then
      echo "the old service (pid $old) did not stop within ${VIBE_STOP_TIMEOUT:-300} s; not starting a second one" >&2
      exit 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "stopped pid $old"
else
  echo "no vibe service was running"
fi

mkdir -p "$(dirname "$VIBE_SERVICE_LOG")"
# Rebuild the argument list (one per line) so paths with spaces survive.
set --
while IFS= read -r arg; do set -- "$@" "$arg"; done <<ARGS
$VIBE_START_ARGS
ARGS
nohup setsid "$VIBE_START_PROGRAM" "$@" >> "$VIBE_SERVICE_LOG" 2>&1 < /dev/null &
new=$!

# Wait until the new service holds its pid file, so the caller knows it is up.
tries=0
while [ "$tries" -lt 150 ]; do
  if [ -f "$VIBE_PID_FILE" ] && [ "$(head -n 1 "$VIBE_PID_FILE" 2>/dev/null)" = "$new" ]; then
    echo "vibe service started (pid $new); log: $VIBE_SERVICE_LOG"
    exit 0
  fi
  if ! kill -0 "$new" 2>/dev/null; then
    echo "the new vibe service exited at once; see $VIBE_SERVICE_LOG" >&2
    tail -n 20 "$VIBE_SERVICE_LOG" >&2 || true
    exit 1
  fi
  sleep 0.2
  tries=$((tries + 1))
done
echo "vibe service starting (pid $new); log: $VIBE_SERVICE_LOG"
