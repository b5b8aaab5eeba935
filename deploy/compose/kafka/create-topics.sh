#!/bin/bash
# Creates every topic resultsflow uses (the broker does not auto-create topics). Idempotent.
# One line per topic: create TOPIC PARTITIONS [--config KEY=VALUE ...]; the same topics and settings
# as deploy/k8s/base/kafka/topics.yaml, with replication 1 on this single broker.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:29092}"

create() {
  local topic="$1" partitions="$2"
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "$@"
}

create results.outcomes 3 --config retention.ms=2592000000
create results.indicators 3 --config retention.ms=2592000000
create results.budgets 3 --config retention.ms=2592000000
create catalog.changes 3 --config cleanup.policy=compact --config min.compaction.lag.ms=3600000
create catalog.dlq 1 --config retention.ms=2592000000
create reporting.dlq 1 --config retention.ms=2592000000

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
