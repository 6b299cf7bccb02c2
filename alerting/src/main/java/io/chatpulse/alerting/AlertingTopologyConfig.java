package io.chatpulse.alerting;

import io.chatpulse.alerting.alert.AlertIntakeTopology;
import io.chatpulse.alerting.delivery.DeliveryLogTopology;
import io.chatpulse.alerting.incident.IncidentTopology;
import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The app's one Kafka Streams topology (built by @EnableKafkaStreams): intake, lifecycle, delivery
 * log; the topics it owns, created at start-up before the topology runs; and the plain producer
 * the API (commands) and the dispatcher (attempts) write with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
class AlertingTopologyConfig {

    @Bean
    NotificationRoutes notificationRoutes(AlertingProperties properties) {
        return new NotificationRoutes(properties.routes(), properties.defaultTiming());
    }

    @Bean
    KStream<String, AlertEvent> alertingTopology(StreamsBuilder builder, AlertingProperties properties, NotificationRoutes routes) {
        KStream<String, AlertEvent> alerts = AlertIntakeTopology.build(builder);
        IncidentTopology.build(builder, alerts, routes, properties.tick(), properties.retention(), properties.partitions());
        DeliveryLogTopology.build(builder, properties.delivery().attemptRetention());
        return alerts;
    }

    /**
     * One instance: on a restart its new member would otherwise wait out the old one's session
     * (45 s) before it gets its partitions, and pages would wait with it.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factory -> factory.setLeaveGroupOnClose(true);
    }

    @Bean
    KafkaAdmin.NewTopics alertingTopics(AlertingProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.ALERT_COMMANDS, properties), topic(Topics.ALERT_NOTIFICATIONS, properties),
                topic(Topics.ALERT_DELIVERIES, properties));
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> alertingProducer(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static NewTopic topic(String name, AlertingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).build();
    }
}
