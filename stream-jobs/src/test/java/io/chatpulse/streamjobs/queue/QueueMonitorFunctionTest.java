package io.chatpulse.streamjobs.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor on Flink's operator harness: event-time timers, watermarks and the processing clock under control. */
class QueueMonitorFunctionTest {

    private static final long T0 = 1_790_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, MonitorInput, QueueSnapshot> harness;

    @BeforeEach
    void open() throws Exception {
        // The logic of the defaults (120 s, 60 s clear) at test speed: 3 s threshold, 2 s clear.
        openMonitor("queue_wait.threshold=3s;queue_wait.clear-after=2s", Duration.ofSeconds(1), Duration.ofDays(2),
                T0 + 10_000); // live: the events are seconds old
    }

    /** A fresh harness around a monitor of these rules (replay bound 60 s), its processing clock at {@code now}. */
    private void openMonitor(String rules, Duration tick, Duration stateTtl, long now) throws Exception {
        QueueMonitorFunction monitor = new QueueMonitorFunction(AlertRules.parse(rules), Duration.ofSeconds(60),
                tick, stateTtl, "http://localhost:3000/d/chatpulse-supervisor");
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(monitor),
                MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(now);
        harness.open();
    }

    /** The same monitor restored from {@code snapshot}. */
    private void openMonitorFrom(org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot, String rules,
                                 Duration stateTtl, long now) throws Exception {
        QueueMonitorFunction monitor = new QueueMonitorFunction(AlertRules.parse(rules), Duration.ofSeconds(60),
                Duration.ofSeconds(1), stateTtl, "http://localhost:3000/d/chatpulse-supervisor");
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(monitor),
                MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(now);
        harness.initializeState(snapshot);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void firesWhenTheOldestWaitReachesTheThresholdWithNoFurtherEvent() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW));

        harness.processWatermark(T0 + 2_999);
        assertThat(alerts()).isEmpty();
        harness.processWatermark(T0 + 3_000);
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.key()).isEqualTo("acme|queue_wait|queue:billing");
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).isEqualTo(T0 + 3_000);
            assertThat(alert.startedAt()).isEqualTo(T0 + 3_000);
            assertThat(alert.value()).isEqualTo(3.0);
            assertThat(alert.threshold()).isEqualTo(3.0);
            assertThat(alert.replay()).isFalse();
            assertThat(alert.dashboardUrl())
                    .isEqualTo("http://localhost:3000/d/chatpulse-supervisor?var-tenant=acme&var-queue=billing");
            assertThat(alert.summary()).contains("billing", "3 s");
        });
        harness.processWatermark(T0 + 30_000);
        assertThat(alerts()).as("one page per incident").hasSize(1);
    }

    @Test
    void resolvesOnlyAfterTheClearPeriodWithNobodyOverTheThreshold() throws Exception {
        TestConversation a = new TestConversation("acme", "conv-a");
        TestConversation b = new TestConversation("acme", "conv-b");
        send(a.queued(T0, "billing", QueueReason.NEW),
                b.queued(T0 + 3_500, "billing", QueueReason.NEW),
                a.assigned(T0 + 5_000, "agent-1"));
        harness.processWatermark(T0 + 6_000);
        // conv-b crosses 3 s at 6.5 s, inside the clear period that began at 5 s: still firing.
        send(b.assigned(T0 + 8_000, "agent-2"));
        harness.processWatermark(T0 + 9_999);
        assertThat(alerts()).extracting(AlertRecord::state).containsExactly(AlertChange.Kind.FIRING);

        harness.processWatermark(T0 + 10_000);
        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::eventTime, AlertRecord::startedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.FIRING, T0 + 3_000, T0 + 3_000),
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.RESOLVED, T0 + 10_000, T0 + 3_000));
    }

    @Test
    void aWaitAnsweredBeforeTheThresholdNeverFiresEvenIfTheAnswerArrivesWithTheWatermark() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW), c.assigned(T0 + 2_900, "agent-1"));
        harness.processWatermark(T0 + 60_000);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aReplayOfHistoryComputesTheSameAlertsButMarksThemReplay() throws Exception {
        harness.setProcessingTime(T0 + 3 * HOUR);
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW), c.assigned(T0 + 10_000, "agent-1"));
        harness.processWatermark(T0 + 20_000);

        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::eventTime, AlertRecord::replay)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.FIRING, T0 + 3_000, true),
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.RESOLVED, T0 + 12_000, true));
    }

    @Test
    void aWaitStillFiringWhenTheMonitorCatchesUpIsPagedOnceLive() throws Exception {
        // The monitor was down: it reads the queueing 5 minutes late, the customer still waits.
        harness.setProcessingTime(T0 + 300_000);
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW));
        harness.processWatermark(T0 + 200_000);
        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::eventTime, AlertRecord::replay)
                .as("computed over history").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.FIRING, T0 + 3_000, true));

        harness.processWatermark(T0 + 289_000);
        assertThat(alerts()).as("not yet caught up: history may still resolve it").hasSize(1);
        harness.processWatermark(T0 + 299_000);
        assertThat(alerts()).hasSize(2).last().satisfies(page -> {
            assertThat(page.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(page.replay()).isFalse();
            assertThat(page.key()).isEqualTo("acme|queue_wait|queue:billing");
            assertThat(page.startedAt()).as("the same incident").isEqualTo(T0 + 3_000);
            assertThat(page.eventTime()).as("the first tick within 10 s of the clock").isEqualTo(T0 + 290_000);
            assertThat(page.eventId()).isNotEqualTo(alerts().get(0).eventId());
        });
    }

    @Test
    void aWaitAnsweredBeforeTheMonitorCaughtUpIsNotPagedAgainWhileItsClearPeriodRuns() throws Exception {
        // A replay that reaches the clock while the answered wait's clear period (20 s here) still runs:
        // the caught-up ticks (from now - 10 s) see the alert firing, but nobody waiting any more.
        long now = T0 + 300_000;
        harness.close();
        openMonitor("queue_wait.threshold=3s;queue_wait.clear-after=20s", Duration.ofSeconds(1), Duration.ofDays(2), now);
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW), c.assigned(now - 25_000, "agent-1"));
        harness.processWatermark(now - 500);
        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::eventTime, AlertRecord::replay)
                .as("no live page for an answered wait").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.FIRING, T0 + 3_000, true),
                        org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.RESOLVED, now - 5_000, false));
    }

    @Test
    void aWaitThatEndedWithinTheHistoryIsNotPagedWhenTheMonitorCatchesUp() throws Exception {
        harness.setProcessingTime(T0 + 300_000);
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW), c.assigned(T0 + 10_000, "agent-1"));
        harness.processWatermark(T0 + 299_000);
        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::replay).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.FIRING, true),
                org.assertj.core.groups.Tuple.tuple(AlertChange.Kind.RESOLVED, true));
    }

    @Test
    void writesQueueLengthAGrowingOldestWaitAndTheAgentsEverySecond() throws Exception {
        send(agent("agent-1", AgentStatus.ONLINE, 1, "billing", T0 - 5_000),
                agent("agent-2", AgentStatus.ONLINE, 2, null, T0 - 5_000),
                agent("agent-3", AgentStatus.ONLINE, 2, "tech", T0 - 5_000));
        TestConversation one = new TestConversation("acme", "conv-1");
        TestConversation two = new TestConversation("acme", "conv-2");
        TestConversation three = new TestConversation("acme", "conv-3");
        send(one.queued(T0, "billing", QueueReason.NEW),
                two.queued(T0 + 500, "billing", QueueReason.NEW),
                three.queued(T0 + 100, "billing", QueueReason.NEW),
                three.assigned(T0 + 200, "agent-1"));

        harness.processWatermark(T0 + 2_000);

        List<QueueSnapshot> billing = counts().stream()
                .filter(r -> r.queueId().equals("billing") && r.asOf() >= T0 + 1_000).collect(Collectors.toList());
        // agent-1 (billing, 1 of 1 held) is busy; agent-2 (no skills: every queue) is available.
        assertThat(billing).containsExactly(
                new QueueSnapshot("acme", "billing", T0 + 1_000, 2, 1_000, T0, 2, 1, 1, null),
                new QueueSnapshot("acme", "billing", T0 + 2_000, 2, 2_000, T0, 2, 1, 1, null));
        assertThat(counts()).filteredOn(r -> r.queueId().equals("tech")).last()
                .isEqualTo(new QueueSnapshot("acme", "tech", T0 + 2_000, 0, 0, 0, 2, 2, 0, null));

        send(one.abandoned(T0 + 2_500, "billing"), two.assigned(T0 + 2_600, "agent-2"));
        harness.processWatermark(T0 + 3_000);
        assertThat(counts()).filteredOn(r -> r.queueId().equals("billing")).last()
                .isEqualTo(new QueueSnapshot("acme", "billing", T0 + 3_000, 0, 0, 0, 2, 1, 1, null));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent queued = c.queued(T0, "billing", QueueReason.NEW);
        ConversationEvent assigned = c.assigned(T0 + 1_000, "agent-1");
        send(queued, assigned);
        harness.processWatermark(T0 + 2_000);
        // A producer retry delivers the queueing again, late: applied, it would put the customer back
        // in the queue since T0, and page at once.
        send(queued);
        harness.processWatermark(T0 + 10_000);
        assertThat(alerts()).isEmpty();
        assertThat(rows()).filteredOn(r -> r.asOf() == T0 + 10_000).singleElement()
                .extracting(QueueSnapshot::queueLength).isEqualTo(0);
    }

    /**
     * Decision 33: an event id is remembered at least an hour of processing time (two generations of
     * an hour), then forgotten: the same queueing delivered again after two hours counts again.
     */
    @Test
    void anEventIdIsRememberedAnHourAndForgottenWithinTwo() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent queued = c.queued(T0, "billing", QueueReason.NEW);
        send(queued, c.assigned(T0 + 1_000, "agent-1"));
        harness.processWatermark(T0 + 2_000);

        harness.setProcessingTime(T0 + 10_000 + 59 * 60_000);
        send(queued);
        harness.processWatermark(T0 + 3_000);
        assertThat(counts()).last().extracting(QueueSnapshot::queueLength).as("within the hour: dropped").isEqualTo(0);

        harness.setProcessingTime(T0 + 10_000 + 2 * HOUR);
        send(queued);
        harness.processWatermark(T0 + 4_000);
        assertThat(counts()).last().extracting(QueueSnapshot::queueLength).as("two hours on: applied").isEqualTo(1);
    }

    /**
     * Decision 33, the retention without Flink's state TTL: a conversation with no event for the
     * retention (processing time) is forgotten with its wait and its assignment, an agent with no status
     * for as long too, by the hourly sweep; one with a later event is kept. Across a checkpoint.
     */
    @Test
    void idleConversationsAndAgentsAreForgottenAfterTheRetentionAcrossACheckpoint() throws Exception {
        harness.close();
        long start = T0 + 10_000;
        openMonitor("queue_wait.threshold=3s", Duration.ofSeconds(1), Duration.ofHours(2), start);
        TestConversation waiting = new TestConversation("acme", "conv-waiting");
        TestConversation held = new TestConversation("acme", "conv-held");
        TestConversation active = new TestConversation("acme", "conv-active");
        send(agent("agent-1", AgentStatus.ONLINE, 1, "billing", T0 - 5_000),
                agent("agent-2", AgentStatus.ONLINE, 2, "billing", T0 - 5_000),
                waiting.queued(T0, "billing", QueueReason.NEW),
                held.queued(T0 + 100, "billing", QueueReason.NEW), held.assigned(T0 + 200, "agent-1"),
                active.queued(T0 + 300, "billing", QueueReason.NEW));
        harness.processWatermark(T0 + 2_000);
        assertThat(counts()).last().isEqualTo(new QueueSnapshot("acme", "billing", T0 + 2_000, 2, 2_000, T0, 2, 1, 1, null));

        // Ninety minutes on, conv-active and agent-2 have news; then a checkpoint.
        harness.setProcessingTime(start + 90 * 60_000);
        send(active.customerMessage(T0 + 2_500), agent("agent-2", AgentStatus.ONLINE, 2, "billing", T0 + 2_600));
        harness.processWatermark(T0 + 3_000);
        var snapshot = harness.snapshot(1, start + 90 * 60_000);
        harness.close();
        openMonitorFrom(snapshot, "queue_wait.threshold=3s", Duration.ofHours(2), start + 90 * 60_000);

        // Past the retention of the first events, not of the later ones (sweeps on the hour).
        harness.setProcessingTime(start + 3 * HOUR);
        harness.processWatermark(T0 + 4_000);
        assertThat(counts()).last().as("conv-waiting, conv-held and agent-1 forgotten")
                .isEqualTo(new QueueSnapshot("acme", "billing", T0 + 4_000, 1, 3_700, T0 + 300, 1, 1, 0, null));

        harness.setProcessingTime(start + 90 * 60_000 + 3 * HOUR);
        harness.processWatermark(T0 + 5_000);
        assertThat(counts()).last().as("then the rest").isEqualTo(
                new QueueSnapshot("acme", "billing", T0 + 5_000, 0, 0, 0, 0, 0, 0, null));
    }

    /**
     * Decision 33: the per-minute counts of the baselines go 15 days of event time behind the monitor,
     * or, for a tenant whose event time stands still (no event, no queue left to tick), once it has
     * stood still for 15 days of processing time, as their TTL did.
     */
    @Test
    void theCountsOfATenantGoneQuietAreForgottenAfterFifteenDays() throws Exception {
        long day = 24 * HOUR;
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW), c.abandoned(T0 + 1_000, "billing"));
        harness.processWatermark(T0 + 2_000);
        assertThat(tenantsWith("counts-per-minute")).containsExactly("acme");

        harness.setProcessingTime(T0 + 10_000 + 2 * HOUR);
        harness.setProcessingTime(T0 + 10_000 + 14 * day);
        assertThat(tenantsWith("counts-per-minute")).as("kept 14 days on").containsExactly("acme");
        harness.setProcessingTime(T0 + 10_000 + 16 * day);
        assertThat(tenantsWith("counts-per-minute")).as("gone 16 days on").isEmpty();
    }

    private List<String> tenantsWith(String state) {
        return harness.getOperator().getKeyedStateBackend()
                .getKeys(state, org.apache.flink.runtime.state.VoidNamespace.INSTANCE).map(Object::toString).toList();
    }

    @Test
    void tenantsAreMonitoredApart() throws Exception {
        send(new TestConversation("acme", "conv-1").queued(T0, "billing", QueueReason.NEW),
                new TestConversation("globex", "conv-1").queued(T0 + 1_000, "billing", QueueReason.NEW));
        harness.processWatermark(T0 + 3_500);
        assertThat(alerts()).extracting(AlertRecord::tenantId).containsExactly("acme");
    }

    @Test
    void aVolumeSpikeAgainstTheSameMinutesOfPastDaysFires() throws Exception {
        harness.close();
        // A row a minute (fewer timers over days of event time); a baseline of 2 days is enough here.
        openMonitor("volume_spike.min-days=2;volume_spike.min-count=5", Duration.ofMinutes(1), Duration.ofDays(2), T0);
        long day = 86_400_000L;
        long b = T0 / 60_000 * 60_000;
        // The tenant's history begins 10 minutes before the first day's window.
        send(agent("agent-1", AgentStatus.OFFLINE, 1, "billing", b - 600_000));
        int n = 0;
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 2; i++) {
                TestConversation c = new TestConversation("acme", "conv-" + n++);
                long at = b + d * day + i * 60_000 + 1_000;
                send(c.queued(at, "billing", QueueReason.NEW), c.assigned(at + 500, "agent-1"));
            }
        }
        for (int i = 0; i < 8; i++) {
            TestConversation c = new TestConversation("acme", "conv-" + n++);
            long at = b + 2 * day + i * 30_000 + 1_000;
            send(c.queued(at, "billing", QueueReason.NEW), c.assigned(at + 500, "agent-1"));
        }
        harness.processWatermark(b + 2 * day + 10 * 60_000);

        assertThat(alerts()).filteredOn(a -> a.rule().equals("volume_spike")).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).as("8 arrivals within the window ending at 4 min")
                    .isEqualTo(b + 2 * day + 4 * 60_000);
            assertThat(alert.value()).isEqualTo(8.0);
            assertThat(alert.scope()).isEqualTo("queue:billing");
        });
        assertThat(alerts()).filteredOn(a -> a.rule().equals("queue_wait")).isEmpty();
    }

    @Test
    void aCsatDropAgainstTheSameHoursOfPastDaysFires() throws Exception {
        harness.close();
        openMonitor("csat_drop.min-days=2", Duration.ofMinutes(1), Duration.ofDays(3), T0);
        long day = 86_400_000L;
        long b = T0 / 60_000 * 60_000;
        send(agent("agent-1", AgentStatus.OFFLINE, 1, "billing", b - 3_600_000));
        int n = 0;
        for (int d = 0; d < 3; d++) {
            // Ten ratings a day, one a minute; 1 negative on days 0 and 1, 6 on day 2.
            for (int i = 0; i < 10; i++) {
                TestConversation c = new TestConversation("acme", "conv-" + n++);
                long at = b + d * day + i * 60_000 + 1_000;
                boolean negative = d < 2 ? i == 0 : i < 6;
                send(c.queued(at, "billing", QueueReason.NEW), c.assigned(at + 200, "agent-1"),
                        c.resolved(at + 400, "agent-1"), c.csat(at + 600, negative ? 1 : 5, null, "agent-1"));
            }
        }
        harness.processWatermark(b + 2 * day + 20 * 60_000);

        assertThat(alerts()).filteredOn(a -> a.rule().equals("csat_drop")).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).as("the tenth rating of the day is in the window at 10 min")
                    .isEqualTo(b + 2 * day + 10 * 60_000);
            assertThat(alert.value()).isEqualTo(0.6);
            assertThat(alert.scope()).isEqualTo("queue:billing");
        });
        // agent-1 is offline while customers arrive: queue_wait_forecast rightly warns too (QueueForecastInMonitorTest).
        assertThat(alerts()).filteredOn(a -> !a.rule().equals("csat_drop") && !a.rule().equals(AlertRules.QUEUE_WAIT_FORECAST))
                .isEmpty();
    }

    @Test
    void slowFirstResponsesAgainstTheSameHoursOfPastDaysFire() throws Exception {
        harness.close();
        openMonitor("frt_spike.min-days=2;frt_spike.min-responses=5", Duration.ofMinutes(1), Duration.ofDays(3), T0);
        long day = 86_400_000L;
        long b = T0 / 60_000 * 60_000;
        send(agent("agent-1", AgentStatus.OFFLINE, 1, "billing", b - 3_600_000));
        int n = 0;
        for (int d = 0; d < 3; d++) {
            long frt = d < 2 ? 10_000 : 60_000;
            for (int i = 0; i < 5; i++) {
                TestConversation c = new TestConversation("acme", "conv-" + n++);
                long at = b + d * day + i * 60_000 + 1_000;
                send(c.opened(at, "billing"), c.queued(at + 100, "billing", QueueReason.NEW),
                        c.assigned(at + 200, "agent-1"), c.agentMessage(at + frt, "agent-1"));
            }
        }
        harness.processWatermark(b + 2 * day + 20 * 60_000);

        assertThat(alerts()).filteredOn(a -> a.rule().equals("frt_spike")).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).as("the fifth slow response (at 5:01) is in the window at 6 min")
                    .isEqualTo(b + 2 * day + 6 * 60_000);
            assertThat(alert.value()).as("p90 in seconds").isEqualTo(60.0);
            assertThat(alert.threshold()).as("2 x the baseline p90").isEqualTo(20.0);
        });
        // agent-1 is offline while customers arrive: queue_wait_forecast rightly warns too (QueueForecastInMonitorTest).
        assertThat(alerts()).filteredOn(a -> !a.rule().equals("frt_spike") && !a.rule().equals(AlertRules.QUEUE_WAIT_FORECAST))
                .isEmpty();
    }

    @Test
    void overAnImportEveryAlertIsAReplayNothingIsPagedAgainAndTheEndOfInputStopsAtItsBound() throws Exception {
        harness.close();
        QueueMonitorFunction history = new QueueMonitorFunction(
                AlertRules.parse("queue_wait.threshold=3s;queue_wait.clear-after=2s"), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofDays(2), "http://localhost:3000/d/chatpulse-supervisor")
                .forHistoryUntil(T0 + 10_000);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(history),
                MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(T0 + 10_000); // as close to the clock as a live alert
        harness.open();
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0, "billing", QueueReason.NEW));

        harness.processWatermark(Long.MAX_VALUE); // the end of a bounded input

        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
            assertThat(alert.eventTime()).isEqualTo(T0 + 3_000);
            assertThat(alert.replay()).as("history is never paged").isTrue();
        });
        assertThat(rows()).extracting(QueueSnapshot::asOf).as("no tick past the bound").allMatch(at -> at <= T0 + 10_000)
                .isNotEmpty();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void send(Object... events) throws Exception {
        for (Object event : events) {
            MonitorInput input = event instanceof ConversationEvent c ? MonitorInput.of(c) : MonitorInput.of((AgentEvent) event);
            harness.processElement(new StreamRecord<>(input, input.eventTime()));
        }
    }

    private static AgentEvent agent(String agentId, AgentStatus status, int capacity, String skill, long at) {
        return AgentEvent.newBuilder().setEventId(agentId + "-" + at).setTenantId("acme").setAgentId(agentId)
                .setEventTime(at).setPayload(AgentStatusChanged.newBuilder().setStatus(status).setCapacity(capacity)
                        .setSkills(skill == null ? List.of() : List.of(skill)).build())
                .build();
    }

    private List<AlertRecord> alerts() {
        var output = harness.getSideOutput(QueueMonitorFunction.ALERTS);
        return output == null ? List.of() : output.stream().map(StreamRecord::getValue).toList();
    }

    private List<QueueSnapshot> rows() {
        return harness.extractOutputValues();
    }

    /** The rows without their forecast (QueueForecastInMonitorTest looks at that). */
    private List<QueueSnapshot> counts() {
        return rows().stream().map(r -> r.withForecast(null)).toList();
    }
}
