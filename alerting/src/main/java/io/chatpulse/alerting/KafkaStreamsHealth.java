package io.chatpulse.alerting;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * /actuator/health is UP only while the Kafka Streams lifecycle runs: a web server that answers
 * while its streams have stopped (e.g. a topic missing at start) pages nobody, and must say so.
 */
@Component
class KafkaStreamsHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    KafkaStreamsHealth(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.down().withDetail("streams", "not started").build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Health.up() : Health.down();
        return health.withDetail("streams", state.name()).build();
    }
}
