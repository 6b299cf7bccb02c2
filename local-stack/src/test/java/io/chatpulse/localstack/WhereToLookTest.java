package io.chatpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhereToLookTest {

    @TempDir
    Path dir;

    @Test
    void namesEveryPlaceAPersonLooksOnTheChosenPorts() {
        StackSettings s = StackSettings.parse(Path.of("/home"), new String[] {"--data", "/d", "--kafka-port", "19092",
                "--clickhouse-port", "18123", "--chat-core-port", "18080", "--metrics-api-port", "18081",
                "--alerting-port", "18082"});
        Map<String, Integer> jobs = new LinkedHashMap<>();
        jobs.put("stream-jobs", 40001);
        jobs.put("queue-monitor", 40002);

        String text = WhereToLook.embedded(s, jobs, LocalDate.of(2026, 12, 7), true);

        assertThat(text).contains(
                "http://127.0.0.1:18081/wallboard?key=demo-key",
                "http://127.0.0.1:18081/swagger-ui/index.html",
                "'http://127.0.0.1:18081/api/v1/kpis/summary?from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z'",
                "http://127.0.0.1:18081/api/v1/reports/agents/export?format=csv&from=2026-12-07T00:00:00Z",
                "curl -s -H 'X-Api-Key: demo-key' http://127.0.0.1:18082/api/v1/alerts\n",
                "http://127.0.0.1:18082/api/v1/alerts/deliveries",
                "/d/logs/pages.log",
                "http://127.0.0.1:18080/api/v1/queues",
                "Flink stream-jobs", "http://127.0.0.1:40001/", "Flink queue-monitor", "http://127.0.0.1:40002/",
                "http://127.0.0.1:18123/play",
                "127.0.0.1:19092",
                "60 conversations/minute, 12 agents in shifts (log: /d/logs/simulator.log)");
        assertThat(WhereToLook.embedded(s, jobs, LocalDate.of(2026, 12, 7), false)).doesNotContain("pages.log");
    }

    @Test
    void theFollowerReturnsEachCompletePageOnceAndNothingOfEarlierRuns() throws Exception {
        Path file = dir.resolve("pages.log");
        Files.writeString(file, "an earlier run's page\n");
        PageFollower pages = new PageFollower(file);
        assertThat(pages.newLines()).isEmpty();

        Files.writeString(file, "first page\nsecond pa", java.nio.file.StandardOpenOption.APPEND);
        assertThat(pages.newLines()).containsExactly("first page");
        Files.writeString(file, "ge\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(pages.newLines()).containsExactly("second page");
        assertThat(pages.newLines()).isEmpty();
    }
}
