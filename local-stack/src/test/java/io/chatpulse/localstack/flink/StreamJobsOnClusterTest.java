package io.chatpulse.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamJobsOnClusterTest {

    @Test
    void settingsByEnvironmentNameBecomeTheFlagsTheJobsRead() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        settings.put("CHECKPOINT_DIR", "file:///data/flink/checkpoints/conversation-kpis");

        assertThat(StreamJobsOnCluster.programArgs(settings)).containsExactly(
                "--kafka-bootstrap-servers", "127.0.0.1:9092",
                "--checkpoint-dir", "file:///data/flink/checkpoints/conversation-kpis");
    }
}
