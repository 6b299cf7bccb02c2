package io.chatpulse.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedRecordsSurviveAKillAndARestartOnTheSameFolder() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir)) {
            broker.createTopics(1, "probe");
            produce(broker, "probe", "one", "two");
            broker.kill();
            assertThat(broker.isAlive()).isFalse();
        }
        try (KafkaBroker again = KafkaBroker.start(dataDir)) {
            assertThat(consume(again, "probe", 2)).containsExactly("one", "two");
        }
    }

    @Test
    void contractTopicsAreCreatedOnceAndCreatingThemAgainIsHarmless() {
        try (KafkaBroker broker = KafkaBroker.start(dataDir)) {
            broker.createContractTopics();
            broker.createContractTopics();
        }
    }

    @Test
    void aSecondBrokerOnTheSameFolderIsRefusedWithAClearError() {
        try (KafkaBroker first = KafkaBroker.start(dataDir)) {
            assertThatThrownBy(() -> KafkaBroker.start(dataDir))
                    .hasMessageContaining("is in use by another Kafka broker");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void aPortInUseIsRefusedWithAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBroker.start(dataDir, taken.getLocalPort()))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    private static void produce(KafkaBroker broker, String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    private static List<String> consume(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
