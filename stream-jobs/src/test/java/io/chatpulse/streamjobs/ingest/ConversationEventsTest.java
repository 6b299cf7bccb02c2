package io.chatpulse.streamjobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.JobConfig;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class ConversationEventsTest {

    @Test
    void theSourceRunsForeverUnlessAskedToStopAtTheLatestOffsets() {
        JobConfig config = JobConfig.from(Map.of());

        assertThat(ConversationEvents.source(config, RecordOrigin.ANY).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(ConversationEvents.source(config.with(JobConfig.SOURCE_BOUNDED, "true"), RecordOrigin.ANY).getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }
}
