package io.chatpulse.alerting.alert;

import static io.chatpulse.alerting.alert.Alerts.alert;
import static io.chatpulse.alerting.alert.Alerts.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertIntakeTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> alerts;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        AlertIntakeTopology.build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-intake-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "topology-test-state").toAbsolutePath().toString());
        driver = new TopologyTestDriver(builder.build(), config);
        alerts = driver.createInputTopic(Topics.ALERTS, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void keepsTheLatestStatePerKey() {
        AlertEvent firing = alert("e1", "acme", "queue:billing", AlertState.FIRING, 150.0);
        AlertEvent resolved = alert("e2", "acme", "queue:billing", AlertState.RESOLVED, 30.0);
        AlertEvent other = alert("e3", "acme", "queue:sales", AlertState.FIRING, 200.0);

        alerts.pipeInput(key(firing), EventCodec.ALERT.encode(firing));
        alerts.pipeInput(key(other), EventCodec.ALERT.encode(other));
        alerts.pipeInput(key(resolved), EventCodec.ALERT.encode(resolved));

        KeyValueStore<String, AlertEvent> store = driver.getKeyValueStore(AlertIntakeTopology.LATEST_STATE_STORE);
        assertThat(store.get(key(firing))).isEqualTo(resolved);
        assertThat(store.get(key(other))).isEqualTo(other);
        try (var all = store.all()) {
            assertThat(all).toIterable().extracting(entry -> entry.key)
                    .containsExactlyInAnyOrder(key(firing), key(other));
        }
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void forwardsAnUnreadableRecordUnchangedToTheDeadLetterTopicWithTheReason() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        AlertEvent good = alert("e1", "acme", "queue:billing", AlertState.FIRING, 150.0);

        alerts.pipeInput("acme|queue_wait|queue:x", garbage);
        alerts.pipeInput(key(good), EventCodec.ALERT.encode(good));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("acme|queue_wait|queue:x");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("not Avro single-object encoded");
        assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_TOPIC)).isEqualTo(Topics.ALERTS);
        assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_OFFSET)).isEqualTo("0");
        assertThat(deadLetters.isEmpty()).isTrue();
        // The app goes on after the bad record.
        KeyValueStore<String, AlertEvent> store = driver.getKeyValueStore(AlertIntakeTopology.LATEST_STATE_STORE);
        assertThat(store.get(key(good))).isEqualTo(good);
        assertThat(store.get("acme|queue_wait|queue:x")).isNull();
    }

    @Test
    void sendsAKeylessAlertToTheDeadLetterTopic() {
        AlertEvent alert = alert("e1", "acme", "queue:billing", AlertState.FIRING, 150.0);

        alerts.pipeInput((String) null, EventCodec.ALERT.encode(alert));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("no key");
        assertThat(EventCodec.ALERT.decode(dead.value())).isEqualTo(alert);
    }

    @Test
    void backsTheStoreWithAChangelogTopic() {
        AlertEvent alert = alert("e1", "acme", "queue:billing", AlertState.FIRING, 150.0);

        alerts.pipeInput(key(alert), EventCodec.ALERT.encode(alert));

        // The state survives the loss of the local disk: it is restored from this topic.
        assertThat(driver.producedTopicNames()).contains("alert-intake-test-" + AlertIntakeTopology.LATEST_STATE_STORE + "-changelog");
    }

    @Test
    void describesAnAlertInOneLine() {
        AlertEvent alert = alert("e1", "acme", "queue:billing", AlertState.FIRING, 150.0);

        assertThat(AlertIntakeTopology.describe(key(alert), alert)).isEqualTo(
                "alert received: tenant=acme rule=queue_wait scope=queue:billing state=FIRING value=150.0"
                        + " threshold=120.0 replay=false key=acme|queue_wait|queue:billing eventId=e1");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
