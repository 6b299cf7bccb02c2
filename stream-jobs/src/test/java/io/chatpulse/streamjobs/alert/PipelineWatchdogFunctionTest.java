package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.streamjobs.TestConversation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class PipelineWatchdogFunctionTest {

    /** What the KPI job has stored, as the test says; static: the function is serialized into the harness. */
    static final Map<String, Long> STORED = new ConcurrentHashMap<>();

    @Test
    void pagesWhenTheKpiJobStopsStoringWhileMessagesFlowAndResolvesWhenItResumes() throws Exception {
        KpiProgress stored = () -> Map.copyOf(STORED);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new PipelineWatchdogFunction(AlertRules.parse("pipeline_stalled.threshold=20s"), stored,
                        Duration.ofSeconds(5), "http://localhost:3000/d/chatpulse-supervisor")),
                (ConversationEvent e) -> 0, Types.INT);
        harness.open();
        try {
            TestConversation c = new TestConversation("acme", "conv-1");
            STORED.put("acme", 1_000L);
            for (long now = 0; now <= 25_000; now += 1_000) {
                harness.setProcessingTime(now);
                harness.processElement(new StreamRecord<>(c.customerMessage(now + 1_000)));
            }
            assertThat(harness.extractOutputValues()).singleElement().satisfies(alert -> {
                assertThat(alert.key()).isEqualTo("acme|pipeline_stalled|pipeline");
                assertThat(alert.state()).isEqualTo(AlertChange.Kind.FIRING);
                assertThat(alert.eventTime()).isEqualTo(25_000);
                assertThat(alert.replay()).isFalse();
            });

            STORED.put("acme", 26_000L);
            harness.setProcessingTime(30_000);
            assertThat(harness.extractOutputValues()).extracting(AlertRecord::state)
                    .containsExactly(AlertChange.Kind.FIRING, AlertChange.Kind.RESOLVED);
        } finally {
            harness.close();
        }
    }
}
