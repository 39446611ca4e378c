#!/usr/bin/env bash
# Starts the whole gateway on this machine, from a fresh clone if need be: installs what is
# missing (Debian packages, npm packages, the Kafka broker from Maven Central), starts Kafka,
# checks PostgreSQL, builds, starts every app in the background, waits until each one's /health
# passes (the apps create the database and run migrations themselves), and prints the URLs.
# Configuration comes from the environment, or from a .env file at the root. `npm stop` stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$root"
if [ -f .env ]; then set -a; source .env; set +a; fi

run="${GATEWAY_RUN_DIR:-$root/.run}"
mkdir -p "$run"

ensure_system_packages
ensure_node_modules

kafka_port="${KAFKA_PORT:-9092}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$kafka_port}"
if [ "$KAFKA_BROKERS" = "127.0.0.1:$kafka_port" ]; then
  if port_open "$kafka_port"; then
    say "kafka: using the broker already on 127.0.0.1:$kafka_port"
  else
    KAFKA_PORT="$kafka_port" "$root/deploy/kafka/start.sh"
    echo "$kafka_port" >"$run/kafka-started-by-us"
  fi
fi

ensure_postgres

# Tokens not configured: make them for this machine, readable by this user only.
token_file() {
  [ -s "$run/$1" ] || (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$run/$1")
  cat "$run/$1"
}
export ADMIN_TOKEN="${ADMIN_TOKEN:-$(token_file admin-token)}"
export METRICS_TOKEN="${METRICS_TOKEN:-$(token_file metrics-token)}"
# The call centre's signing secret is shared with the telephony system; on a machine that has none
# configured, one is made so the webhook runs (give the same value to the sender).
export CALL_CENTER_WEBHOOK_SECRET="${CALL_CENTER_WEBHOOK_SECRET:-$(token_file call-center-secret)}"
# The apps find each other on this machine's ports unless told otherwise.
export DASHBOARD_CORE_URL="${DASHBOARD_CORE_URL:-http://127.0.0.1:${CORE_PORT:-3000}}"
export WEB_FORM_CORE_URL="${WEB_FORM_CORE_URL:-http://127.0.0.1:${CORE_PORT:-3000}}"
export CALL_CENTER_TRACKING_URL="${CALL_CENTER_TRACKING_URL:-http://localhost:${WEB_FORM_PORT:-3001}/track}"

say "building"
npm run --silent build

node="$(node_bin)"
# The sample stores, regions and managers, unless the catalogue already has some (an operator's
# own import is never overwritten by a restart).
"$node" dist/apps/core/src/routing/import/import-stores.main.js --if-empty "$root/deploy/seed/stores.json" \
  >>"$run/import-stores.log" 2>&1 || { say "loading deploy/seed/stores.json failed:"; tail -n 20 "$run/import-stores.log" >&2; exit 1; }

while read -r app port_var default_port needs; do
  if ! app_configured "$needs"; then
    say "$app: not started, no account configured (set one of ${needs//,/, })"
    continue
  fi
  pidfile="$run/$app.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "$app: already running (pid $(cat "$pidfile"))"
    continue
  fi
  # deploy/node-options: heap limits (core measured at 250 MB RSS under full load with them, see
  # docs/performance.md) and the kafkajs#1751 timer warning on Node 24, which is harmless.
  # shellcheck disable=SC2046
  nohup "$node" $(cat "$root/deploy/node-options") "dist/apps/$app/src/main.js" >>"$run/$app.log" 2>&1 &
  echo $! >"$pidfile"
done < <(gateway_apps)

failed=0
while read -r app port_var default_port needs; do
  app_configured "$needs" || continue
  port="${!port_var:-$default_port}"
  ok=0
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$(cat "$run/$app.pid")" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$ok" = 1 ]; then
    printf '  %-12s http://127.0.0.1:%s   (log %s)\n' "$app" "$port" "$run/$app.log"
  else
    failed=1
    say "$app did not become healthy; last lines of $run/$app.log:"
    tail -n 20 "$run/$app.log" >&2 || true
  fi
done < <(gateway_apps)
[ "$failed" = 0 ] || exit 1

web_form_port="${WEB_FORM_PORT:-3001}"
core_port="${CORE_PORT:-3000}"
cat <<MSG

The gateway is up. Web form: http://127.0.0.1:$web_form_port/  Status tracking: http://127.0.0.1:$web_form_port/track
Dashboard: http://127.0.0.1:${DASHBOARD_PORT:-3010}/ (sign in with the admin token)  Case API docs: http://127.0.0.1:$core_port/docs
Try it:

  curl -s -X POST http://127.0.0.1:$web_form_port/api/v1/web-form -H 'Content-Type: application/json' \\
    -d '{"name":"Ayşe","surname":"Yılmaz","phone":"0532 123 45 67","type":"complaint","message":"Kadıköy şubesinde iadem reddedildi.","consent":true}'

  curl -s http://127.0.0.1:$core_port/api/v1/cases/<reference> -H "Authorization: Bearer \$(cat $run/admin-token)"

Admin API token: $( [ -s "$run/admin-token" ] && echo "$run/admin-token" || echo "ADMIN_TOKEN from your environment" )
Stop everything with: npm stop
MSG
