#!/usr/bin/env bash
# Fetches the official Apache Kafka broker jars from Maven Central (through deploy/kafka/pom.xml)
# into a git-ignored cache inside the checkout. Idempotent: a complete cache is reused.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/defaults.sh"
version="$KAFKA_VERSION"
libs="$root/.cache/kafka/$version/libs"

if [ -f "$libs/.complete" ]; then
  echo "$libs"
  exit 0
fi
command -v mvn >/dev/null || { echo "fetch.sh: Maven (mvn) is required; apt-get install maven" >&2; exit 1; }
command -v java >/dev/null || { echo "fetch.sh: a Java runtime (17+) is required; apt-get install openjdk-17-jre-headless" >&2; exit 1; }

rm -rf "$libs.partial"
mkdir -p "$libs.partial"
echo "fetch.sh: resolving org.apache.kafka:kafka_2.13:$version from Maven Central" >&2
mvn -q -B -f "$here/pom.xml" -Dkafka.version="$version" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs.partial" >&2
ls "$libs.partial"/kafka_2.13-"$version".jar >/dev/null
rm -rf "$libs"
mv "$libs.partial" "$libs"
touch "$libs/.complete"
echo "$libs"
