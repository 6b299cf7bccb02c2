package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueMonitorConfigTest {

    @Test
    void theMonitorReadsWithItsOwnGroupAndASmallOutOfOrdernessBound() {
        JobConfig config = QueueMonitorJob.config(Map.of());

        assertThat(config.get(JobConfig.KAFKA_GROUP_ID)).isEqualTo("chatpulse-queue-monitor");
        assertThat(config.getDuration(QueueMonitorJob.MONITOR_OUT_OF_ORDERNESS)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.getDuration(QueueMonitorJob.REPLAY_BOUND)).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.find(JobConfig.ALERT_RULES)).isEmpty();
    }

    @Test
    void settingsComeFromTheEnvironmentAndTheArguments() {
        JobConfig config = QueueMonitorJob.config(Map.of("MONITOR_GROUP_ID", "mine", "ALERT_RULES", "queue_wait.threshold=90s"),
                "--replay-bound", "2m");

        assertThat(config.get(JobConfig.KAFKA_GROUP_ID)).isEqualTo("mine");
        assertThat(config.getDuration(QueueMonitorJob.REPLAY_BOUND)).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> QueueMonitorJob.config(Map.of(), "--watermark-out-of-orderness", "5s"))
                .as("a setting of the KPI job only").hasMessageContaining("unknown option");
    }

    @Test
    void helpListsTheMonitorsSettings() {
        assertThat(JobConfig.help("m", "what", QueueMonitorJob.OPTIONS))
                .contains("ALERT_RULES_FILE", "LIVE_IDLENESS", "--monitor-out-of-orderness", "(default: 500ms)")
                .doesNotContain("REORDER_WINDOW");
    }
}
