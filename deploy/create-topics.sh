#!/usr/bin/env bash
# Creates the Kafka topics of the contract (io.chatpulse.events.Topics) if they do not exist yet.
# Run once by docker-compose's topic-init service; safe to run again. alerting's own topics
# (chatpulse.alert-commands, -notifications, -deliveries) too: alerting would create them at start,
# but its streams can start before new topics are seen and then stop (its health says DOWN).
set -euo pipefail

BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-kafka:19092}
PARTITIONS=${TOPIC_PARTITIONS:-3}
REPLICATION=${TOPIC_REPLICATION_FACTOR:-1}

for topic in chatpulse.conversation-events chatpulse.agent-events chatpulse.alerts chatpulse.dead-letter \
    chatpulse.alert-commands chatpulse.alert-notifications chatpulse.alert-deliveries; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION"
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
