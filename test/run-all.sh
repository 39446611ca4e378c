#!/usr/bin/env bash
# Every check and test of the project, in the order a failure is cheapest to find: types, lint,
# import cycles, unit specs, integration and end-to-end tests against a real Kafka broker (its own,
# on TEST_KAFKA_PORT, default 19092) and the local PostgreSQL, then the README's quick start itself.
# Works on a fresh clone: installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib/common.sh"
cd "$root"

# Dovecot is the real IMAP server of the e-mail tests; Chromium runs the browser tests and WhatsApp Web.
ensure_system_packages dovecot-imapd chromium
ensure_node_modules
ensure_postgres

export TEST_KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
started_kafka=0
if ! port_open "$TEST_KAFKA_PORT"; then
  KAFKA_PORT="$TEST_KAFKA_PORT" deploy/kafka/start.sh
  started_kafka=1
fi
cleanup() {
  if [ "$started_kafka" = 1 ]; then KAFKA_PORT="$TEST_KAFKA_PORT" KAFKA_PURGE=1 deploy/kafka/stop.sh; fi
}
trap cleanup EXIT

say "== types";          npm run --silent typecheck
say "== lint";           npm run --silent lint
say "== import cycles";  npm run --silent lint:cycles
say "== build";          npm run --silent build
say "== unit tests";     npm run --silent test:unit
say "== integration and end-to-end tests (Kafka 127.0.0.1:$TEST_KAFKA_PORT, PostgreSQL)"
npm run --silent test:integration
say "== quick start";    bash test/smoke/quickstart.sh
say "all checks passed"
