package io.chatpulse.streamjobs.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.queuemath.ErlangA;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.forecast.QueueForecast;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the monitor measures for the forecast, from the events, on Flink's operator harness. */
class QueueForecastInMonitorTest {

    private static final long T0 = 1_790_000_000_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, MonitorInput, QueueSnapshot> harness;

    @BeforeEach
    void open() throws Exception {
        open(T0 + 140_000); // live: the rows of every second go out
    }

    private void open(long processingTime) throws Exception {
        QueueMonitorFunction monitor = new QueueMonitorFunction(AlertRules.parse(
                "queue_forecast.min-handle-times=2;queue_forecast.min-abandons=1;"
                        + "queue_wait_forecast.hold=5s;queue_wait_forecast.clear-after=3s"), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofDays(2), "http://localhost:3000/d/chatpulse-supervisor");
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(monitor),
                MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(processingTime);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /**
     * Two agents of capacities 2 and 3 serve billing: 5 slots. Handle times are assignment to
     * resolution or transfer away (40 s and 100 s); the patience is every ended wait (10 s + 20 s +
     * 30 s answered or given up) over the one abandon; the oldest waiting customer's expected answer
     * is one slot-freeing away.
     */
    @Test
    void handleTimesWaitsAbandonsAndSlotsComeFromTheEvents() throws Exception {
        send(agent("agent-1", 2, T0 - 5_000), agent("agent-2", 3, T0 - 5_000));
        TestConversation a = new TestConversation("acme", "conv-a");
        TestConversation b = new TestConversation("acme", "conv-b");
        TestConversation c = new TestConversation("acme", "conv-c");
        TestConversation d = new TestConversation("acme", "conv-d");
        send(a.queued(T0, "billing", QueueReason.NEW), a.assigned(T0 + 10_000, "agent-1"),
                b.queued(T0 + 1_000, "billing", QueueReason.NEW), b.assigned(T0 + 21_000, "agent-2"),
                c.queued(T0 + 2_000, "billing", QueueReason.NEW), c.abandoned(T0 + 32_000, "billing"),
                a.resolved(T0 + 50_000, "agent-1"),
                b.transferredToAgent(T0 + 121_000, "agent-2", "agent-1"),
                d.queued(T0 + 125_000, "billing", QueueReason.NEW));
        harness.processWatermark(T0 + 130_000);

        QueueSnapshot row = last("billing", T0 + 130_000);
        QueueForecast forecast = row.forecast();
        assertThat(forecast.slots()).isEqualTo(5);
        assertThat(forecast.handleTimes()).isEqualTo(2);
        assertThat(forecast.handleTimeS()).isCloseTo((40 + 100) / 2.0, within(1e-9));
        assertThat(forecast.patienceS()).isCloseTo(10 + 20 + 30, within(1e-9));
        assertThat(forecast.model()).isEqualTo(QueueForecast.ERLANG_A);
        double lambda = forecast.arrivalsPerHour() / 3600;
        // Four arrivals, watched since the queue's first row (T0 − 4 s: the agents came at T0 − 5 s), 15-minute window.
        double tau = 900;
        double weighted = Math.exp(-130 / tau) + Math.exp(-129 / tau) + Math.exp(-128 / tau) + Math.exp(-5 / tau);
        assertThat(lambda).isCloseTo(weighted / (tau * -Math.expm1(-134 / tau)), within(1e-12));
        ErlangA queue = ErlangA.of(5, lambda, 70, 60);
        assertThat(forecast.serviceLevel()).isCloseTo(queue.serviceLevel(30), within(1e-12));
        assertThat(forecast.oldestAnswerExpectedAt())
                .isEqualTo(T0 + 130_000 + Math.round(queue.expectedTimeToAnswer(1) * 1000));
    }

    /**
     * One agent of one chat, a customer every 2 s: the forecast passes 2 minutes at once; the warning
     * comes when that has held 5 s, says what to expect and how many agents would fix it, and
     * resolves 3 s after agents come.
     */
    @Test
    void theForecastWarningFiresWhenTheBreachHoldsAndResolvesWhenAgentsCome() throws Exception {
        harness.close();
        open(T0 + 10_000); // live
        send(agentOf("agent-1", 1, T0 - 5_000));
        for (int i = 0; i < 10; i++) {
            send(new TestConversation("acme", "conv-" + i).queued(T0 + 2_000L * i + 100, "billing", QueueReason.NEW));
        }
        harness.processWatermark(T0 + 5_000);
        assertThat(alerts()).isEmpty();
        long breachedFrom = harness.extractOutputValues().stream()
                .filter(r -> r.forecast().arrivalsPerHour() > 0).mapToLong(QueueSnapshot::asOf).min().orElseThrow();
        harness.processWatermark(breachedFrom + 5_000);

        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo(AlertRules.QUEUE_WAIT_FORECAST);
            assertThat(alert.scope()).isEqualTo("queue:billing");
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).isEqualTo(breachedFrom + 5_000);
            assertThat(alert.replay()).isFalse();
            assertThat(alert.threshold()).isEqualTo(0.5);
            assertThat(alert.summary()).startsWith("Queue billing: the queue grows without bound")
                    .containsPattern("; \\d+ more agents would keep it under 2 min$");
        });

        for (int i = 2; i <= 40; i++) {
            send(agentOf("agent-" + i, 5, T0 + 19_000));
        }
        harness.processWatermark(T0 + 40_000);
        assertThat(alerts()).extracting(AlertRecord::state)
                .containsExactly(AlertChange.Kind.FIRING, AlertChange.Kind.RESOLVED);
        assertThat(alerts().get(1).summary()).contains("back under 2 min for 3s");
    }

    /** The same afternoon as a replay (an hour old): no forecast warning at all. */
    @Test
    void aReplayNeverFiresTheForecastWarning() throws Exception {
        harness.close();
        open(T0 + 3_600_000);
        send(agentOf("agent-1", 1, T0 - 5_000));
        for (int i = 0; i < 10; i++) {
            send(new TestConversation("acme", "conv-" + i).queued(T0 + 2_000L * i + 100, "billing", QueueReason.NEW));
        }
        harness.processWatermark(T0 + 60_000);
        assertThat(alerts()).filteredOn(a -> a.rule().equals(AlertRules.QUEUE_WAIT_FORECAST)).isEmpty();
    }

    private List<AlertRecord> alerts() {
        var output = harness.getSideOutput(QueueMonitorFunction.ALERTS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }

    private static AgentEvent agentOf(String agentId, int capacity, long at) {
        return agent(agentId, capacity, at);
    }

    private QueueSnapshot last(String queue, long asOf) {
        List<QueueSnapshot> rows = harness.extractOutputValues();
        return rows.stream().filter(r -> r.queueId().equals(queue) && r.asOf() == asOf).findFirst().orElseThrow();
    }

    private void send(Object... events) throws Exception {
        for (Object event : events) {
            MonitorInput input = event instanceof ConversationEvent c ? MonitorInput.of(c) : MonitorInput.of((AgentEvent) event);
            harness.processElement(new StreamRecord<>(input, input.eventTime()));
        }
    }

    private static AgentEvent agent(String agentId, int capacity, long at) {
        return AgentEvent.newBuilder().setEventId(agentId + "-" + at).setTenantId("acme").setAgentId(agentId)
                .setEventTime(at).setPayload(AgentStatusChanged.newBuilder().setStatus(AgentStatus.ONLINE)
                        .setCapacity(capacity).setSkills(List.of("billing")).build())
                .build();
    }
}
