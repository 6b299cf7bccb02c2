package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Progress;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillBenchmarkTest {

    @Test
    void theSteadyRateIsTheActivityRowsBetweenTheFirstAndLastProgressLineOverTheRowsAnEvent() {
        Result result = new Result(2_000_000, 25_000, Map.of("conversation_activity", 1_800_000L), "RSS",
                List.of(new Progress(5_000, 100_000), new Progress(10_000, 550_000), new Progress(15_000, 1_000_000)));

        assertThat(result.steadyRate()).isEqualTo(
                "steady 100,000 events/s from 5 s to 15 s (90,000 conversation_activity rows/s, 0.900 an event)");
        assertThat(result.toString()).startsWith("backfill: 2,000,000 events in 25.0 s = 80,000 events/s")
                .contains("; steady 100,000 events/s");
    }

    @Test
    void everyEventButQueueingsAndRatingsCallsForAnActivityRowOfItsKind() {
        TestConversation c = new TestConversation("acme", "conv-1");

        assertThat(BackfillBenchmark.activityKind(c.opened(1, "billing"))).contains("opened");
        assertThat(BackfillBenchmark.activityKind(c.customerMessage(2))).contains("customer_message");
        assertThat(BackfillBenchmark.activityKind(c.assigned(3, "agent-1"))).contains("assigned");
        assertThat(BackfillBenchmark.activityKind(c.queued(4, "billing", QueueReason.NEW))).isEmpty();
    }

    @Test
    void aRunWithFewerThanTwoProgressLinesHasNoSteadyRate() {
        Result result = new Result(1_000, 2_000, Map.of("conversation_activity", 900L), "RSS",
                List.of(new Progress(5_000, 900)));

        assertThat(result.steadyRate()).isEqualTo("too short for a steady rate");
    }
}
