# Shared by deploy/up.sh, deploy/down.sh, test/run-all.sh and .ci/run. Source it; it defines
# helpers and changes nothing by itself.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Debian packages the gateway needs on the machine: a JRE and Maven for the Kafka broker, the
# PostgreSQL client for pg_isready. Installs only what is missing, with apt-get.
ensure_system_packages() {
  local need=()
  command -v java >/dev/null || need+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || need+=(maven)
  command -v pg_isready >/dev/null || need+=(postgresql-client)
  command -v curl >/dev/null || need+=(curl)
  need+=("$@")
  local missing=()
  for pkg in "${need[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# node_modules from the lockfile; reinstalled when the lockfile is newer than the install.
ensure_node_modules() {
  if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund)
  fi
}

# The project runs on the Node pinned in package.json (the `node` devDependency), not the machine's.
node_bin() { echo "$root/node_modules/.bin/node"; }

# PostgreSQL must answer on the host and port of DATABASE_URL; a local cluster that is merely
# stopped is started.
ensure_postgres() {
  local url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/complaints}"
  local hostport="${url#*@}"; hostport="${hostport%%/*}"
  local host="${hostport%%:*}" port="${hostport##*:}"
  [ "$port" = "$host" ] && port=5432
  if pg_isready -q -h "$host" -p "$port"; then return 0; fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && return 0; sleep 1; done
  say "PostgreSQL does not answer on $host:$port (DATABASE_URL)"
  return 1
}

# The apps of the gateway: name, port variable, default port, and the variables of which at least
# one must be set for the app to have anything to do ("-": it always runs). A channel whose account
# is not configured (no mailbox, no WhatsApp number, no X account) is not started: it would refuse
# to start anyway, naming what is missing.
gateway_apps() {
  cat <<'APPS'
core CORE_PORT 3000 -
web-form WEB_FORM_PORT 3001 -
call-center CALL_CENTER_PORT 3002 -
whatsapp WHATSAPP_PORT 3003 WHATSAPP_ACCOUNTS_FILE,WHATSAPP_PHONE_NUMBER_IDS,WHATSAPP_SESSION_NUMBERS
x X_PORT 3004 X_USER_ID
email EMAIL_PORT 3005 EMAIL_ACCOUNTS_FILE,IMAP_HOST
dashboard DASHBOARD_PORT 3010 -
APPS
}

# True when an app of gateway_apps has its account configured (its fourth column).
app_configured() {
  local needs="$1" var
  [ "$needs" = "-" ] && return 0
  for var in ${needs//,/ }; do [ -n "${!var:-}" ] && return 0; done
  return 1
}
