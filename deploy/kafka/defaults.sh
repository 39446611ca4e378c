# Sourced by the Kafka scripts: the one place that names the broker version the project runs on.
KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
