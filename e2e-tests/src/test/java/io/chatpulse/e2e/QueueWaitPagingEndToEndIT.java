package io.chatpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FlinkJobCheck;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2-minute page through the whole system on its embedded default, with the default rule
 * (120 s): a customer waits in a queue with no agent; the webhook gets one firing page shortly
 * after 120 s, retried through two 500 answers as one incident; nothing more while it fires;
 * and exactly one resolved page after an agent takes the conversation; then a replay of the same
 * history pages no one.
 */
class QueueWaitPagingEndToEndIT {

    private static final Duration THRESHOLD = Duration.ofSeconds(120);
    private static WebhookReceiver receiver;
    private static LocalStack stack;
    private static JsonHttp chatCore;

    @BeforeAll
    static void startTheSystem() throws Exception {
        receiver = new WebhookReceiver(2);
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/e2e-paging-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        String channels = """
                {"chatpulse":{"alerting":{"channels":{"e2e-hook":{"type":"webhook","url":"%s"}},\
                "routes":[{"tenant":"demo","rules":["queue_wait"],"channels":["e2e-hook"]}]}}}"""
                .formatted(receiver.url());
        stack = LocalStack.start(settings, Map.of("alerting", Map.of("SPRING_APPLICATION_JSON", channels)), System.out);
        chatCore = new JsonHttp("http://127.0.0.1:" + settings.chatCorePort(), settings.apiKey());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aCustomerWaitingPastTwoMinutesPagesOnceAndResolvesOnceAnAgentTakesOver() throws Exception {
        JsonHttp.Answer opened = chatCore.post("/api/v1/conversations",
                Map.of("queueId", "paging-e2e", "channel", "WEB", "customerId", "waiting-customer"));
        assertThat(opened.status()).as("open: %s", opened.body()).isEqualTo(201);
        String conversationId = opened.body().path("conversationId").asText();
        Instant passesThreshold = Instant.parse(opened.body().path("waitingSince").asText()).plus(THRESHOLD);

        WebhookReceiver.Received page = awaitReceived(r -> r.action().equals("trigger") && r.answered() == 202,
                Duration.ofMinutes(4));
        List<WebhookReceiver.Received> triggers = receiver.received().stream()
                .filter(r -> r.action().equals("trigger")).toList();
        assertThat(triggers).as("two 500 answers, then the 202").extracting(WebhookReceiver.Received::answered)
                .containsExactly(500, 500, 202);
        assertThat(triggers).as("one incident, retried").extracting(WebhookReceiver.Received::notificationId)
                .containsOnly(page.notificationId());
        assertThat(page.body().path("rule").asText()).isEqualTo("queue_wait");
        assertThat(page.body().path("scope").asText()).isEqualTo("queue:paging-e2e");
        assertThat(triggers.get(0).at()).as("not before the wait passed 120 s").isAfterOrEqualTo(passesThreshold);
        assertThat(Duration.between(passesThreshold, triggers.get(0).at()))
                .as("first attempt shortly after the wait passed 120 s").isLessThan(Duration.ofSeconds(20));

        JsonHttp.Answer agent = chatCore.post("/api/v1/conversations/" + conversationId + "/assignment",
                Map.of("agentId", "agent-paging"));
        assertThat(agent.status()).as("assignment: %s", agent.body()).isEqualTo(200);

        awaitReceived(r -> r.action().equals("resolve"), Duration.ofMinutes(3));
        assertThat(receiver.received()).as("exactly one incident: three attempts of one page, then one resolve")
                .extracting(WebhookReceiver.Received::action)
                .containsExactly("trigger", "trigger", "trigger", "resolve");

        replayTheHistory();
        assertThat(receiver.received()).as("a replay sends nothing").hasSize(4);
    }

    /**
     * A second queue monitor reads the same history from the start (its own consumer group) and
     * computes the same incident: its firing, two minutes old by then, is a replay that alerting
     * records and does not deliver; its resolution, seconds old, comes as live again and closes
     * nothing new. Done once alerting has taken both (the second "state=RESOLVED" it received).
     */
    private static void replayTheHistory() throws InterruptedException {
        StackSettings settings = stack.settings();
        int restPort = Ports.free();
        ChildProcess replay = Application.withLibs(settings.home(), "stream-jobs",
                "io.chatpulse.streamjobs.QueueMonitorJob", "512m", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                        "CLICKHOUSE_URL", settings.clickHouseJdbcUrl(),
                        "MONITOR_GROUP_ID", "chatpulse-queue-monitor-replay",
                        "CHECKPOINT_DIR", settings.dataDir().resolve("replay-checkpoints").toUri().toString(),
                        "PIPELINE_WATCHDOG_INTERVAL", "0",
                        "REST_PORT", String.valueOf(restPort)))
                .renamed("queue-monitor-replay").start(settings.logDir());
        try {
            replay.awaitReady(() -> FlinkJobCheck.allTasksRunning(restPort), Duration.ofMinutes(3));
            awaitLogged("alerting", "alert received: tenant=demo rule=queue_wait scope=queue:paging-e2e state=RESOLVED",
                    2, Duration.ofMinutes(2));
        } finally {
            replay.destroy(Duration.ofSeconds(30));
        }
        assertThat(logged("alerting", "replayed alert not delivered: key=demo|queue_wait|queue:paging-e2e state=FIRING"))
                .as("the replayed firing is recorded, not delivered").isEqualTo(1);
        assertThat(logged("alerting", "incident opened: key=demo|queue_wait|queue:paging-e2e"))
                .as("the replay opens no incident").isEqualTo(1);
    }

    private static void awaitLogged(String application, String text, int times, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (logged(application, text) < times) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(application + " did not log \"" + text + "\" " + times + " times within "
                        + within + "\n" + whatTheStackLogged());
            }
            Thread.sleep(200);
        }
    }

    private static long logged(String application, String text) {
        try (var lines = Files.lines(stack.settings().logDir().resolve(application + ".log"))) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // not written yet
        }
    }

    private static WebhookReceiver.Received awaitReceived(Predicate<WebhookReceiver.Received> wanted, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (WebhookReceiver.Received r : receiver.received()) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the webhook did not receive the expected page within " + within
                + "; received so far: " + receiver.received() + "\n" + whatTheStackLogged());
    }

    /** What a failure needs to be understood without the data folder (CI keeps only the output). */
    private static String whatTheStackLogged() {
        return logLines("queue-monitor", "RESTARTING|FAILED|Exception")
                + logLines("queue-monitor-replay", "RESTARTING|FAILED|Exception")
                + logLines("alerting", "alert received|not delivered|delivery|inhibit|silenc");
    }

    private static String logLines(String application, String pattern) {
        Path log = stack.settings().logDir().resolve(application + ".log");
        Pattern wanted = Pattern.compile(pattern);
        try (var lines = Files.lines(log)) {
            List<String> found = lines.filter(line -> wanted.matcher(line).find()).toList();
            return application + ".log, " + found.size() + " lines matching " + pattern + ":\n  "
                    + String.join("\n  ", found.subList(Math.max(0, found.size() - 15), found.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return application + ".log unreadable: " + e.getMessage() + "\n";
        }
    }
}
