package io.chatpulse.streamjobs.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.queue.MonitorInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent time on Flink's operator harness: statuses and assignments in, the watermark moved, minute rows out. */
class AgentTimeFunctionTest {

    private static final long M10_00 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, MonitorInput, AgentMinute> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AgentTimeFunction(Duration.ofDays(2))), MonitorInput::tenantId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void writesARowPerAgentAndMinuteWithOnlineTimeWhenTheMinuteCloses() throws Exception {
        TestConversation a = new TestConversation("acme", "conv-a");
        TestConversation b = new TestConversation("acme", "conv-b");
        send(status("anna", AgentStatus.ONLINE, at(0, 30)),
                a.assigned(at(0, 45), "anna"),
                b.assigned(at(1, 10), "anna"),
                status("anna", AgentStatus.AWAY, at(1, 40)),
                status("anna", AgentStatus.ONLINE, at(1, 50)),
                a.resolved(at(2, 0), "anna"),
                b.transferredToAgent(at(2, 5), "anna", "ben"),
                status("anna", AgentStatus.OFFLINE, at(2, 15)));

        harness.processWatermark(at(0, 59));
        assertThat(rows()).as("the first minute is still open").isEmpty();
        harness.processWatermark(at(1, 0));
        assertThat(rows()).containsExactly(row("anna", at(0, 0), 30_000, 15_000, 15_000));

        harness.processWatermark(at(10, 0));
        assertThat(rows()).as("ben holds conv-b but is not online: no row").containsExactly(
                row("anna", at(0, 0), 30_000, 15_000, 15_000),
                row("anna", at(1, 0), 50_000, 50_000, 10_000 + 2 * 30_000 + 2 * 10_000),
                row("anna", at(2, 0), 15_000, 5_000, 5_000));
    }

    @Test
    void minutesCloseWhileNoEventComesAndARedeliveredEventCountsOnce() throws Exception {
        TestConversation a = new TestConversation("acme", "conv-a");
        ConversationEvent assigned = a.assigned(at(0, 0), "anna");
        send(status("anna", AgentStatus.ONLINE, at(0, 0)), assigned, assigned,
                a.queued(at(1, 30), "billing", QueueReason.REQUEUE));

        harness.processWatermark(at(3, 0));
        assertThat(rows()).containsExactly(
                row("anna", at(0, 0), 60_000, 60_000, 60_000),
                row("anna", at(1, 0), 60_000, 30_000, 30_000),
                row("anna", at(2, 0), 60_000, 0, 0));
    }

    @Test
    void eventsArriveOutOfOrderButApplyInEventTimeOrder() throws Exception {
        TestConversation a = new TestConversation("acme", "conv-a");
        send(a.assigned(at(0, 40), "anna"), status("anna", AgentStatus.ONLINE, at(0, 20)));
        harness.processWatermark(at(1, 0));
        assertThat(rows()).containsExactly(row("anna", at(0, 0), 40_000, 20_000, 20_000));
    }

    /**
     * Decision 33: an assignment with no new assignment for the retention (processing time, here two
     * hours) is dropped by the hourly sweep, not by Flink's state TTL: the minutes closed after it count no chat.
     */
    @Test
    void anAssignmentIsDroppedAfterTheRetention() throws Exception {
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AgentTimeFunction(Duration.ofHours(2))), MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(M10_00);
        harness.open();
        TestConversation a = new TestConversation("acme", "conv-a");
        send(status("anna", AgentStatus.ONLINE, at(0, 0)), a.assigned(at(0, 0), "anna"));
        harness.processWatermark(at(1, 0));
        harness.setProcessingTime(M10_00 + Duration.ofHours(1).toMillis());
        harness.processWatermark(at(2, 0));
        assertThat(rows()).as("kept within the retention").containsExactly(
                row("anna", at(0, 0), 60_000, 60_000, 60_000), row("anna", at(1, 0), 60_000, 60_000, 60_000));

        harness.setProcessingTime(M10_00 + Duration.ofHours(3).toMillis());
        harness.processWatermark(at(4, 0));
        // The count is taken again when a minute closes: minute 2 started with the chat, minute 3 without.
        assertThat(rows()).as("dropped after it").endsWith(
                row("anna", at(2, 0), 60_000, 60_000, 60_000), row("anna", at(3, 0), 60_000, 0, 0));
    }

    private static long at(int minute, int second) {
        return M10_00 + minute * 60_000L + second * 1_000L;
    }

    private static AgentMinute row(String agentId, long minute, long onlineMs, long occupiedMs, long conversationMs) {
        return new AgentMinute("acme", agentId, minute, onlineMs, occupiedMs, conversationMs);
    }

    private static AgentEvent status(String agentId, AgentStatus status, long at) {
        return AgentEvent.newBuilder().setEventId(agentId + "-" + at).setTenantId("acme").setAgentId(agentId)
                .setEventTime(at).setPayload(AgentStatusChanged.newBuilder().setStatus(status).setCapacity(3)
                        .setSkills(List.of()).build())
                .build();
    }

    private void send(Object... events) throws Exception {
        for (Object event : events) {
            MonitorInput input = event instanceof ConversationEvent c ? MonitorInput.of(c) : MonitorInput.of((AgentEvent) event);
            harness.processElement(new StreamRecord<>(input, input.eventTime()));
        }
    }

    private List<AgentMinute> rows() {
        return harness.extractOutputValues();
    }
}
