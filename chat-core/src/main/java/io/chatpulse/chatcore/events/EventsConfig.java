package io.chatpulse.chatcore.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Two producers over the same spring.kafka.producer settings. A call with a single event uses
 * the plain idempotent producer: one record is atomic anyway, and it skips the extra round trips
 * of a transaction on the hottest path (messages). A call with several events uses a
 * transactional producer so that read_committed consumers see all of them or none. The
 * factories are beans so that closing the context closes their producers.
 */
@Configuration
class EventsConfig {

    @Bean
    @Primary
    DefaultKafkaProducerFactory<String, byte[]> singleEventProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> transactionalEventProducerFactory(KafkaProperties kafka,
            EventsProperties events) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // A transaction left open by a crash blocks read_committed readers until it times out.
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setTransactionIdPrefix(events.transactionIdPrefix());
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> eventTemplate(
            @Qualifier("singleEventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    KafkaTemplate<String, byte[]> transactionalEventTemplate(
            @Qualifier("transactionalEventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }
}
