#!/usr/bin/env bash
# Stops the broker started by start.sh for the same KAFKA_PORT / KAFKA_DATA_DIR: SIGTERM for a
# controlled shutdown, SIGKILL only if it has not exited after 30 s.
#   KAFKA_PURGE=1  also deletes its data directory (topics, offsets) afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${KAFKA_PORT:-9092}"
data="${KAFKA_DATA_DIR:-$root/.cache/kafka-data/$port}"
pidfile="$data/broker.pid"

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  pid="$(cat "$pidfile")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: no clean exit after 30 s, killing pid $pid" >&2
    kill -KILL "$pid" || true
  fi
  echo "kafka: stopped (port $port)"
else
  echo "kafka: not running (port $port)"
fi
rm -f "$pidfile"
if [ "${KAFKA_PURGE:-0}" = "1" ]; then
  rm -rf "$data"
fi
