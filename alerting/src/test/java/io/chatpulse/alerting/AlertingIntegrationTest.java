package io.chatpulse.alerting;

import static io.chatpulse.alerting.support.TestStack.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.alerting.alert.AlertIntakeTopology;
import io.chatpulse.alerting.support.TestStack;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.localstack.kafka.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app against a real Kafka broker (KRaft) from local-stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AlertingIntegrationTest {

    private static final Path WORK = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
    // Started before the Spring context, which needs its address.
    private static final KafkaBroker broker = TestStack.startBroker(WORK);

    @Autowired
    LocalStores stores;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> WORK.resolve("streams-state").toString());
        registry.add("spring.kafka.streams.application-id", () -> "chatpulse-alerting-it-" + UUID.randomUUID());
    }

    // Kept for @AfterAll, which must close the broker even when the context failed to load.
    private static StreamsBuilderFactoryBean streams;

    @Autowired
    void keep(StreamsBuilderFactoryBean factory) {
        streams = factory;
    }

    @AfterAll
    static void stop() {
        TestStack.stopStreamsThen(streams, broker::close);
    }

    private Optional<AlertEvent> latest(String key) {
        return stores.<AlertEvent>keyValue(AlertIntakeTopology.LATEST_STATE_STORE).flatMap(store -> Optional.ofNullable(store.get(key)));
    }

    @Test
    void keepsTheLatestStateOfAnAlertProducedToTheAlertsTopic() throws Exception {
        AlertEvent firing = alert("e-1", AlertState.FIRING, 150.0);
        AlertEvent resolved = alert("e-2", AlertState.RESOLVED, 20.0);
        String key = "acme|queue_wait|queue:billing";

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, key, EventCodec.ALERT.encode(firing))).get();
            AlertEvent first = awaitValue("the firing alert in the store",
                    () -> latest(key).filter(firing::equals));
            assertThat(first).isEqualTo(firing);

            producer.send(new ProducerRecord<>(Topics.ALERTS, key, EventCodec.ALERT.encode(resolved))).get();
        }
        assertThat(awaitValue("the resolved alert in the store", () -> latest(key).filter(resolved::equals)))
                .isEqualTo(resolved);
    }

    @Test
    void forwardsAnUnreadableRecordToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "bad-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, key, "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }

        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            ConsumerRecord<String, byte[]> dead = awaitValue("the record on the dead-letter topic", () -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return Optional.of(record);
                    }
                }
                return Optional.empty();
            });
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("not Avro single-object encoded");
            assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_TOPIC)).isEqualTo(Topics.ALERTS);
        }
    }

    @Test
    void servesHealthOnItsPort() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private static AlertEvent alert(String eventId, AlertState state, double value) {
        return AlertEvent.newBuilder()
                .setEventId(eventId).setTenantId("acme").setRule("queue_wait").setScope("queue:billing")
                .setState(state).setEventTime(System.currentTimeMillis()).setStartedAt(System.currentTimeMillis())
                .setValue(value).setThreshold(120.0).setSummary("oldest wait " + value + " s")
                .setReplay(false).build();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
