package io.chatpulse.alerting.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.alerting.alert.AlertIntakeTopology;
import io.chatpulse.alerting.route.NotificationRoute;
import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.alerting.route.Timing;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertCommandType;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle in one process, with the driver's mock wall clock driving the punctuator. */
class IncidentTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> alerts;
    private TestInputTopic<String, byte[]> commands;
    private TestOutputTopic<String, byte[]> notifications;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        NotificationRoutes routes = new NotificationRoutes(
                List.of(new NotificationRoute("acme", List.of(), List.of("hook", "pager"), null, null)),
                new Timing(Duration.ofSeconds(2), Duration.ofMinutes(15)));
        IncidentTopology.build(builder, AlertIntakeTopology.build(builder), routes, Duration.ofMillis(500), Duration.ofHours(24), 3);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "incident-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "topology-test-state").toAbsolutePath().toString());
        driver = new TopologyTestDriver(builder.build(), config, T0);
        alerts = driver.createInputTopic(Topics.ALERTS, new StringSerializer(), new ByteArraySerializer());
        commands = driver.createInputTopic(Topics.ALERT_COMMANDS, new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(Topics.ALERT_NOTIFICATIONS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void pagesOnceAfterTheGroupWaitRepeatsWhileFiringAndSendsTheResolution() {
        fire("queue_wait", "queue:billing");
        advance(Duration.ofMillis(1_500));
        assertThat(notifications.isEmpty()).as("nothing during the group wait").isTrue();

        advance(Duration.ofMillis(500));
        List<AlertNotification> first = read();
        assertThat(first).extracting(AlertNotification::getChannel).containsExactly("hook", "pager");
        assertThat(first).allSatisfy(n -> {
            assertThat(n.getAction().name()).isEqualTo("TRIGGER");
            assertThat(n.getSequence()).isZero();
            assertThat(n.getDedupKey()).isEqualTo("acme/queue_wait/queue:billing");
        });

        fire("queue_wait", "queue:billing");
        advance(Duration.ofMinutes(14));
        assertThat(notifications.isEmpty()).as("a second FIRING is the same incident").isTrue();

        advance(Duration.ofMinutes(1));
        assertThat(read()).extracting(n -> n.getAction() + "/" + n.getSequence()).containsExactly("TRIGGER/1", "TRIGGER/1");

        alert("queue_wait", "queue:billing", AlertState.RESOLVED, false);
        alert("queue_wait", "queue:billing", AlertState.RESOLVED, false);
        assertThat(read()).extracting(n -> n.getAction() + "/" + n.getChannel()).containsExactly("RESOLVE/hook", "RESOLVE/pager");
        advance(Duration.ofHours(1));
        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void anIncidentResolvedWithinItsGroupWaitPagesNobody() {
        fire("queue_wait", "queue:billing");
        advance(Duration.ofSeconds(1));
        alert("queue_wait", "queue:billing", AlertState.RESOLVED, false);
        advance(Duration.ofMinutes(30));

        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void replayedAlertsAreNeverDelivered() {
        alert("queue_wait", "queue:billing", AlertState.FIRING, true);
        advance(Duration.ofMinutes(20));
        alert("queue_wait", "queue:billing", AlertState.RESOLVED, true);

        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void anAcknowledgementStopsRepeatsAndIsForwarded() {
        fire("queue_wait", "queue:billing");
        advance(Duration.ofSeconds(2));
        assertThat(read()).hasSize(2);

        command(AlertCommandType.ACKNOWLEDGE, "queue_wait", "queue:billing", null, null);
        assertThat(read()).extracting(n -> n.getAction().name()).containsExactly("ACKNOWLEDGE", "ACKNOWLEDGE");
        advance(Duration.ofHours(2));
        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void aSilenceSuppressesUntilExpiredThenThePageGoesOut() {
        command(AlertCommandType.SILENCE, "queue_wait", null, "s-1", T0.plus(Duration.ofHours(1)).toEpochMilli());
        fire("queue_wait", "queue:billing");
        advance(Duration.ofMinutes(10));
        assertThat(notifications.isEmpty()).isTrue();

        command(AlertCommandType.EXPIRE_SILENCE, null, null, "s-1", null);
        advance(Duration.ofSeconds(1));
        assertThat(read()).extracting(n -> n.getAction().name()).containsExactly("TRIGGER", "TRIGGER");
    }

    @Test
    void aStalledPipelineInhibitsQueuePagesOfItsTenantWhileItFires() {
        fire("pipeline_stalled", "pipeline");
        fire("queue_wait", "queue:billing");
        advance(Duration.ofSeconds(5));
        assertThat(read()).extracting(AlertNotification::getRule).containsExactly("pipeline_stalled", "pipeline_stalled");

        alert("pipeline_stalled", "pipeline", AlertState.RESOLVED, false);
        advance(Duration.ofSeconds(1));
        assertThat(read()).extracting(n -> n.getRule() + "/" + n.getAction())
                .containsExactly("pipeline_stalled/RESOLVE", "pipeline_stalled/RESOLVE", "queue_wait/TRIGGER", "queue_wait/TRIGGER");
    }

    @Test
    void alertsOfOneQueuePageTogetherAfterTheFirstOnesGroupWait() {
        fire("queue_wait", "queue:billing");
        advance(Duration.ofMillis(1_500));
        fire("frt_spike", "queue:billing");
        advance(Duration.ofMillis(500));

        assertThat(read()).extracting(AlertNotification::getRule)
                .containsExactlyInAnyOrder("queue_wait", "queue_wait", "frt_spike", "frt_spike");
    }

    @Test
    void keepsIncidentsAndSilencesInChangeloggedStores() {
        fire("queue_wait", "queue:billing");
        command(AlertCommandType.SILENCE, null, "queue:sales", "s-1", T0.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(driver.producedTopicNames()).contains(
                "incident-test-" + IncidentTopology.INCIDENT_STORE + "-changelog",
                "incident-test-" + IncidentTopology.SILENCE_STORE + "-changelog");
    }

    private void fire(String rule, String scope) {
        alert(rule, scope, AlertState.FIRING, false);
    }

    private void alert(String rule, String scope, AlertState state, boolean replay) {
        AlertEvent event = AlertEvent.newBuilder().setEventId("e-" + System.nanoTime()).setTenantId("acme").setRule(rule)
                .setScope(scope).setState(state).setEventTime(T0.toEpochMilli()).setStartedAt(T0.toEpochMilli())
                .setValue(150.0).setThreshold(120.0).setSummary(rule + " on " + scope).setReplay(replay).build();
        alerts.pipeInput("acme|" + rule + "|" + scope, EventCodec.ALERT.encode(event));
    }

    private void command(AlertCommandType type, String rule, String scope, String silenceId, Long endsAt) {
        AlertCommand command = AlertCommand.newBuilder().setCommandId("c-" + System.nanoTime()).setTenantId("acme")
                .setType(type).setRule(rule).setScope(scope).setSilenceId(silenceId).setEndsAt(endsAt)
                .setIssuedAt(T0.toEpochMilli()).build();
        commands.pipeInput("acme", EventCodec.ALERT_COMMAND.encode(command));
    }

    private void advance(Duration duration) {
        // One punctuation at the new time, as after a pause of the real clock.
        driver.advanceWallClockTime(duration);
    }

    private List<AlertNotification> read() {
        return notifications.readValuesToList().stream().map(EventCodec.ALERT_NOTIFICATION::decode).toList();
    }
}
