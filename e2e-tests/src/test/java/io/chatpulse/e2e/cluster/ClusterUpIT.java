package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.e2e.JsonHttp;
import io.chatpulse.localstack.ClusterStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/**
 * What `chatpulse up --cluster` starts, started the same way with simulated traffic: both jobs run
 * at parallelism 2 across both TaskManagers, every topic has three copies, each tenant's figures
 * reach ClickHouse and both metrics-api instances answer them alike, each chat-core instance serves
 * its own tenant and refuses the other's, a customer waiting past the queue_wait threshold is paged
 * into the demo channel's file that `up` follows; closing it leaves no process behind.
 */
class ClusterUpIT {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    /** A queue of the demo tenant nobody serves, with a short queue_wait threshold, to see a page. */
    private static final String PAGED_QUEUE = "up-page";

    @Test
    void theWholeSystemRunsInItsClusterShapeAndStopsEntirely() throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/cluster-up-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(120);
        Map<String, Long> pids;
        Map<String, String> shortWait = Map.of("ALERT_RULES",
                "tenant.demo.queue." + PAGED_QUEUE + ".queue_wait.threshold=5s");
        try (ClusterStack stack = ClusterStack.start(settings, Ports.free(), shortWait, Map.of(), System.out)) {
            pids = stack.applicationPids();
            var rest = stack.flink().rest();
            assertThat(rest.activeJobsByName()).hasSize(2);
            for (String job : rest.activeJobsByName().values()) {
                assertThat(rest.parallelism(job)).as("parallelism of " + job).isEqualTo(2);
                assertThat(new TreeSet<>(rest.taskManagersOfRunningSubtasks(job))).as("TaskManagers of " + job)
                        .hasSize(2);
            }
            try (var admin = stack.kafka().admin()) {
                for (TopicDescription topic : admin.describeTopics(Set.of("chatpulse.conversation-events",
                        "chatpulse.agent-events", "chatpulse.alerts")).allTopicNames().get().values()) {
                    assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                }
            }
            for (int tenant = 0; tenant < ClusterStack.TENANTS.size(); tenant++) {
                String key = ClusterStack.TENANTS.get(tenant) + "-key";
                String summary = "/api/v1/kpis/summary?from=2026-01-01T00:00:00Z&to=" + Instant.now().plusSeconds(3600);
                JsonHttp first = new JsonHttp(metricsApi(stack, 0), key);
                Await.until("conversations of " + key + " in the figures", DEADLINE,
                        () -> conversations(first.get(summary)), n -> n >= 5);
                assertThat(conversations(new JsonHttp(metricsApi(stack, 1), key).get(summary)))
                        .as("the second metrics-api instance").isPositive();
                assertThat(new JsonHttp(chatCore(stack, 1 - tenant), key).get("/api/v1/queues").status())
                        .as("the other chat-core instance refuses " + key).isEqualTo(421);
                assertThat(new JsonHttp(chatCore(stack, tenant), key).get("/api/v1/queues").status()).isEqualTo(200);
            }

            Path pages = stack.demoChannelFile().orElseThrow();
            JsonHttp.Answer opened = new JsonHttp(chatCore(stack, 0), "demo-key").post("/api/v1/conversations",
                    Map.of("queueId", PAGED_QUEUE, "channel", "WEB", "customerId", "customer-of-" + PAGED_QUEUE));
            assertThat(opened.status()).as("open: %s", opened.body()).isEqualTo(201);
            String page = "[FIRING] queue_wait queue:" + PAGED_QUEUE + " (tenant demo)";
            Await.until("the page of " + PAGED_QUEUE + " in " + pages, DEADLINE, () -> lines(pages),
                    lines -> lines.stream().anyMatch(line -> line.contains(page)));
        }
        assertThat(pids.values()).as("no service left running")
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long conversations(JsonHttp.Answer summary) {
        return summary.body().path("kpis").path("volume").path("opened").asLong();
    }

    private static String metricsApi(ClusterStack stack, int instance) {
        return "http://127.0.0.1:" + stack.metricsApiPort(instance);
    }

    private static String chatCore(ClusterStack stack, int instance) {
        return "http://127.0.0.1:" + stack.chatCorePort(instance);
    }
}
