#!/usr/bin/env bash
# Creates the project's Kafka topics as deploy/kafka-topics.properties defines them, the one
# definition local-stack uses too, if they do not exist yet: partitions, replication factor,
# min.insync.replicas and topic configs. Run once by docker-compose's topic-init service; safe to
# run again (an existing topic is left as it is). alerting's own topics are in the definition too:
# alerting would create them at start, but its streams can start before new topics are seen and
# then stop (its health says DOWN).
set -euo pipefail

BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-kafka-1:19092}
DEFINITION=${KAFKA_TOPICS_DEFINITION:-$(dirname "$0")/kafka-topics.properties}
KAFKA_TOPICS=${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}

# The value of "name = value" in the definition.
setting() {
  sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$DEFINITION"
}

REPLICATION=$(setting 'replication\.factor')
MIN_ISR=$(setting 'min\.insync\.replicas')

# topic.<name> = <partitions> [<config>=<value> ...]
grep -E '^topic\.' "$DEFINITION" | while IFS='=' read -r key value; do
  read -r topic <<<"${key#topic.}"
  read -r partitions configs <<<"$value"
  args=(--config "min.insync.replicas=$MIN_ISR")
  for config in $configs; do
    args+=(--config "$config")
  done
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$REPLICATION" "${args[@]}" </dev/null
done
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --list
