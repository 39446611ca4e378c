#!/usr/bin/env bash
# The README's quick start, checked: `npm start` brings the gateway up, a web-form submission gets a
# reference number, the case API shows that case, `npm stop` stops it. Runs on its own ports,
# database, topic prefix and run directory, so it never touches a gateway you have running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/lib/common.sh"
cd "$root"

id="smoke$(date +%s)$$"
export GATEWAY_RUN_DIR="$root/.run/$id"
export CORE_PORT="${SMOKE_CORE_PORT:-13000}" WEB_FORM_PORT="${SMOKE_WEB_FORM_PORT:-13001}"
export CALL_CENTER_PORT="${SMOKE_CALL_CENTER_PORT:-13002}" DASHBOARD_PORT="${SMOKE_DASHBOARD_PORT:-13010}"
# Channels with accounts of their own (mailboxes, WhatsApp numbers, X) are not configured here.
unset EMAIL_ACCOUNTS_FILE IMAP_HOST WHATSAPP_ACCOUNTS_FILE WHATSAPP_PHONE_NUMBER_IDS WHATSAPP_SESSION_NUMBERS X_USER_ID
export KAFKA_PORT="${TEST_KAFKA_PORT:-19092}" KAFKA_TOPIC_PREFIX="$id." KAFKA_TOPIC_PARTITIONS=2
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/cg_$id"
unset ADMIN_TOKEN METRICS_TOKEN CALL_CENTER_WEBHOOK_SECRET DASHBOARD_CORE_URL WEB_FORM_CORE_URL CALL_CENTER_TRACKING_URL

finish() {
  npm run --silent stop >/dev/null 2>&1 || true
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"cg_$id\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$GATEWAY_RUN_DIR"
}
trap finish EXIT

npm run --silent start >/dev/null

answer="$(curl -fsS -X POST "http://127.0.0.1:$WEB_FORM_PORT/api/v1/web-form" -H 'Content-Type: application/json' \
  -d '{"name":"Ayşe","surname":"Yılmaz","phone":"0532 123 45 67","type":"complaint","message":"Kadıköy şubesinde iadem reddedildi.","consent":true}')"
reference="$(printf '%s' "$answer" | sed -n 's/.*"reference":"\([^"]*\)".*/\1/p')"
if [ -z "$reference" ]; then echo "quick start: no reference number in $answer" >&2; exit 1; fi

case_json="$(curl -fsS "http://127.0.0.1:$CORE_PORT/api/v1/cases/$reference" -H "Authorization: Bearer $(cat "$GATEWAY_RUN_DIR/admin-token")")"
metrics="$(curl -fsS "http://127.0.0.1:$CORE_PORT/metrics" -H "Authorization: Bearer $(cat "$GATEWAY_RUN_DIR/metrics-token")")"
case "$metrics" in
  *'gateway_messages_received_total{channel="web-form"'*) ;;
  *) echo "quick start: core's /metrics does not count the message" >&2; exit 1 ;;
esac

case "$case_json" in
  *"\"reference\":\"$reference\""*'"status":"created"'*) echo "quick start: $reference shown by the case API" ;;
  *) echo "quick start: the case API answered $case_json" >&2; exit 1 ;;
esac

# The call-centre webhook that npm start runs, signed with the secret it generated.
secret="$(cat "$GATEWAY_RUN_DIR/call-center-secret")"
body='{"callId":"SMOKE-1","callerNumber":"0533 765 43 21","calledLine":"0850 222 00 00","agent":{"id":"A-1","name":"Zeynep Kaya"},"notes":"Müşteri Bağdat Caddesi mağazasında kasada uzun süre beklediğini söylüyor.","startedAt":"2026-03-14T09:12:03+03:00","endedAt":"2026-03-14T09:19:45+03:00","type":"complaint"}'
ts="$(date +%s)"
sig="$(SECRET="$secret" PAYLOAD="$ts.$body" "$(node_bin)" -e 'process.stdout.write(require("crypto").createHmac("sha256", process.env.SECRET).update(process.env.PAYLOAD).digest("hex"))')"
call="$(curl -fsS -X POST "http://127.0.0.1:$CALL_CENTER_PORT/api/v1/call-center/events" -H 'Content-Type: application/json' \
  -H "X-Timestamp: $ts" -H "X-Signature: sha256=$sig" --data-binary "$body")"
case "$call" in
  *'"reference":"'*) echo "quick start: the call centre answered with a reference number" ;;
  *) echo "quick start: the call centre answered $call" >&2; exit 1 ;;
esac
curl -fsS "http://127.0.0.1:$DASHBOARD_PORT/health" >/dev/null && echo "quick start: the dashboard is up"
