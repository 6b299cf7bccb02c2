package io.chatpulse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeTest {

    @Test
    void terminalColourCodesBeforeAFigureLineDoNotHideIt(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("alert-latency.out"), """
                $ ./chatpulse bench alert-latency 50 50
                \u001B[0m\u001B[0mqueue_wait alert latency over 50 conversations (50 alerts): p50 603 ms, p99 666 ms, \
                min 551 ms, max 666 ms (threshold crossing in event time -> FIRING on chatpulse.alerts)
                """);

        Outcome outcome = Outcome.read(Benchmarks.alertLatency(), folder);

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.values()).containsEntry("p99", 666.0);
        assertThat(outcome.command()).isEqualTo("./chatpulse bench alert-latency 50 50");
    }
}
