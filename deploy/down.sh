#!/usr/bin/env bash
# Stops what deploy/up.sh started: every app (SIGTERM, then SIGKILL after 20 s), and the Kafka
# broker if up.sh started it. PostgreSQL and its data are left alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$root"
if [ -f .env ]; then set -a; source .env; set +a; fi
run="${GATEWAY_RUN_DIR:-$root/.run}"

while read -r app _ _; do
  pidfile="$run/$app.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    say "$app: stopped"
  fi
  rm -f "$pidfile"
done < <(gateway_apps)

if [ -f "$run/kafka-started-by-us" ]; then
  KAFKA_PORT="$(cat "$run/kafka-started-by-us")" "$root/deploy/kafka/stop.sh"
  rm -f "$run/kafka-started-by-us"
fi
