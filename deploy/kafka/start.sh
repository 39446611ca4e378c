#!/usr/bin/env bash
# Starts a single-node Apache Kafka (KRaft: broker + controller in one process) on 127.0.0.1.
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  controller port (default KAFKA_PORT + 1)
#   KAFKA_VERSION          broker version fetched from Maven Central (default 3.9.2)
#   KAFKA_DATA_DIR         storage, config, log and pid (default .cache/kafka-data/<port>)
#   KAFKA_HEAP_OPTS        JVM heap (default -Xms256m -Xmx768m)
# Idempotent: a broker already running for this data dir is left alone. Waits until the broker
# accepts clients; exits non-zero with the tail of its log if it does not within 90 s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/defaults.sh"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
data="${KAFKA_DATA_DIR:-$root/.cache/kafka-data/$port}"
heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
pidfile="$data/broker.pid"
logfile="$data/broker.log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  if port_open "$port"; then
    echo "kafka: already running on 127.0.0.1:$port (pid $(cat "$pidfile"))"
    exit 0
  fi
fi
if port_open "$port"; then
  echo "kafka: port $port is taken by another process; set KAFKA_PORT" >&2
  exit 1
fi

libs="$("$here/fetch.sh")"
mkdir -p "$data"
sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$data|g" \
  "$here/server.properties.template" >"$data/server.properties"

java_opts=(-server $heap -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$here/log4j.properties" "-Dkafka.logs.dir=$data")

if [ ! -f "$data/log/meta.properties" ]; then
  cluster_id="$(java -cp "$libs/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid | tail -n 1)"
  java -cp "$libs/*" "${java_opts[@]}" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$data/server.properties" --ignore-formatted >>"$logfile" 2>&1
fi

nohup java -cp "$libs/*" "${java_opts[@]}" kafka.Kafka "$data/server.properties" >>"$logfile" 2>&1 &
echo $! >"$pidfile"

for _ in $(seq 1 180); do
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "kafka: broker exited during start-up; last lines of $logfile:" >&2
    tail -n 30 "$logfile" >&2
    exit 1
  fi
  # "Kafka Server started" is logged once the broker has registered with the controller and
  # opened its client listener: from then on clients can create topics and produce.
  if grep -q "Kafka Server started" "$logfile" 2>/dev/null && port_open "$port"; then
    echo "kafka: $KAFKA_VERSION ready on 127.0.0.1:$port (pid $(cat "$pidfile"), log $logfile)"
    exit 0
  fi
  sleep 0.5
done
echo "kafka: broker did not become ready in 90 s; last lines of $logfile:" >&2
tail -n 30 "$logfile" >&2
exit 1
