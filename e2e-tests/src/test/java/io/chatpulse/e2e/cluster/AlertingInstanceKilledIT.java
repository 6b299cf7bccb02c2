package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.e2e.JsonHttp;
import io.chatpulse.e2e.WebhookReceiver;
import io.chatpulse.localstack.ClusterStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: one alerting instance killed (SIGKILL) a few seconds before a queue_wait page is due,
 * on the cluster (alerting-1 and alerting-2 share the partitions of one Kafka Streams application
 * and the dispatcher's consumer group). Alerts are repartitioned by tenant, so one instance holds
 * the demo tenant's incidents; which one is not known before a first alert. So twice, each time for
 * a queue of its own: first alerting-1 is killed blind, then the instance that handled the first
 * incident (the owner of the tenant's task, so the page must wait for the rebalance after the
 * session timeout). Each time the webhook gets exactly one trigger, the killed instance comes
 * back, an agent takes the conversation, and exactly one resolve follows.
 */
class AlertingInstanceKilledIT {

    private static final Duration THRESHOLD = Duration.ofSeconds(20);
    /** Killed this long before the wait passes the threshold. */
    private static final Duration KILL_AHEAD = Duration.ofSeconds(3);
    /** The alert, the Streams and dispatcher groups' session timeout (45 s) and a rebalance, with room. */
    private static final Duration TRIGGER_DEADLINE = Duration.ofMinutes(3);
    private static final Duration RESOLVE_DEADLINE = Duration.ofMinutes(3);
    private static final String CHANNEL = "killhook";

    private static WebhookReceiver receiver;
    private static ClusterStack stack;
    private static JsonHttp chatCore;

    @BeforeAll
    static void startTheCluster() throws IOException {
        receiver = new WebhookReceiver(0);
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/alerting-killed-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        // Only the test's queues page fast; every other queue keeps the default 120 s.
        String rules = "tenant.demo.queue." + queue(1) + ".queue_wait.threshold=" + THRESHOLD.toSeconds() + "s;"
                + "tenant.demo.queue." + queue(2) + ".queue_wait.threshold=" + THRESHOLD.toSeconds() + "s";
        // Spring's environment variables, beside the SPRING_APPLICATION_JSON of the tenants' keys.
        Map<String, String> route = Map.of(
                "CHATPULSE_ALERTING_CHANNELS_" + CHANNEL.toUpperCase() + "_TYPE", "webhook",
                "CHATPULSE_ALERTING_CHANNELS_" + CHANNEL.toUpperCase() + "_URL", receiver.url(),
                "CHATPULSE_ALERTING_ROUTES_0_TENANT", "demo",
                "CHATPULSE_ALERTING_ROUTES_0_RULES_0", "queue_wait",
                "CHATPULSE_ALERTING_ROUTES_0_CHANNELS_0", CHANNEL);
        stack = ClusterStack.start(settings, Ports.free(), Map.of("ALERT_RULES", rules),
                Map.of("alerting-1", route, "alerting-2", route), System.out);
        chatCore = new JsonHttp("http://127.0.0.1:" + stack.chatCorePort(0), "demo-key");
    }

    @AfterAll
    static void stopTheCluster() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static String queue(int round) {
        return "alert-kill-" + round;
    }

    @Test
    void aPageDueWhileAnAlertingInstanceIsKilledIsDeliveredOnceAndResolvedOnce() throws Exception {
        thePageIsDeliveredOnceAndResolvedOnce(queue(1), "alerting-1");
        String owner = ownerOfTheIncident(queue(1));
        System.out.printf("the demo tenant's incidents are handled by %s%n", owner);
        thePageIsDeliveredOnceAndResolvedOnce(queue(2), owner);
    }

    /** The instance that closed the incident of {@code queue}: the one holding the demo tenant's task. */
    private static String ownerOfTheIncident(String queue) {
        String resolved = "incident resolved: key=demo|queue_wait|queue:" + queue + " ";
        List<String> owners = List.of("alerting-1", "alerting-2").stream()
                .filter(instance -> logged(instance, resolved)).toList();
        assertThat(owners).as("the instance that resolved the incident of %s", queue).hasSize(1);
        return owners.get(0);
    }

    private static boolean logged(String instance, String text) {
        try (var lines = Files.lines(stack.applicationLogDir().resolve(instance + ".log"))) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void thePageIsDeliveredOnceAndResolvedOnce(String queue, String instance) throws Exception {
        String scope = "queue:" + queue;
        JsonHttp.Answer opened = chatCore.post("/api/v1/conversations",
                Map.of("queueId", queue, "channel", "WEB", "customerId", "customer-of-" + queue));
        assertThat(opened.status()).as("open: %s", opened.body()).isEqualTo(201);
        String conversationId = opened.body().path("conversationId").asText();
        Instant passesThreshold = Instant.parse(opened.body().path("waitingSince").asText()).plus(THRESHOLD);

        Await.until("the moment to kill " + instance, THRESHOLD, Instant::now,
                now -> !now.isBefore(passesThreshold.minus(KILL_AHEAD)));
        assertThat(triggers(scope)).as("nothing paged before the threshold").isEmpty();
        stack.kill(instance);
        Instant killedAt = Instant.now();

        List<WebhookReceiver.Received> paged = Await.until("a trigger for " + scope + " with " + instance + " killed",
                TRIGGER_DEADLINE, () -> triggers(scope), t -> !t.isEmpty());
        Instant triggeredAt = paged.get(0).at();
        assertThat(triggeredAt).as("not before the wait passed the threshold").isAfterOrEqualTo(passesThreshold);

        stack.restart(instance);
        Instant restartedAt = Instant.now();
        JsonHttp.Answer agent = chatCore.post("/api/v1/conversations/" + conversationId + "/assignment",
                Map.of("agentId", "agent-" + queue));
        assertThat(agent.status()).as("assignment: %s", agent.body()).isEqualTo(200);
        List<WebhookReceiver.Received> resolves = Await.until("a resolve for " + scope, RESOLVE_DEADLINE,
                () -> ofScope(scope, "resolve"), r -> !r.isEmpty());
        Instant resolvedAt = resolves.get(0).at();

        System.out.printf("%n%s: wait passed %s s at %s; %s killed at %s; trigger at %s (%.1f s after the threshold);"
                + " restarted, up at %s; resolve at %s%n", scope, THRESHOLD.toSeconds(), passesThreshold, instance,
                killedAt, triggeredAt, Duration.between(passesThreshold, triggeredAt).toMillis() / 1e3, restartedAt,
                resolvedAt);
        System.out.println(whatAlertingLogged(queue));
        List<WebhookReceiver.Received> triggers = triggers(scope);
        System.out.printf("%s: %d trigger(s) %s, %d resolve(s)%n", scope, triggers.size(),
                triggers.stream().map(WebhookReceiver.Received::notificationId).toList(), ofScope(scope, "resolve").size());
        assertThat(triggers).as("exactly one trigger, %s killed", instance).hasSize(1);
        assertThat(triggers.get(0).answered()).isEqualTo(202);
        assertThat(ofScope(scope, "resolve")).as("exactly one resolve").hasSize(1);
        assertThat(ofScope(scope, "resolve").get(0).body().path("dedupKey").asText())
                .as("the resolve closes the incident that was paged")
                .isEqualTo(triggers.get(0).body().path("dedupKey").asText());
    }

    private static List<WebhookReceiver.Received> triggers(String scope) {
        return ofScope(scope, "trigger");
    }

    private static List<WebhookReceiver.Received> ofScope(String scope, String action) {
        return receiver.received().stream()
                .filter(r -> r.action().equals(action) && r.body().path("scope").asText().equals(scope))
                .toList();
    }

    /** Which instance took the alert, opened the incident and delivered the pages (the report of a run). */
    private static String whatAlertingLogged(String queue) {
        StringBuilder lines = new StringBuilder();
        for (String instance : List.of("alerting-1", "alerting-2")) {
            Path log = stack.applicationLogDir().resolve(instance + ".log");
            try (var all = Files.lines(log)) {
                all.filter(line -> line.contains("queue:" + queue + " ") || line.contains("queue:" + queue + "@")
                        || line.contains("queue:" + queue + "|") || line.endsWith("queue:" + queue))
                        .forEach(line -> lines.append("  ").append(instance).append(": ").append(line).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                lines.append("  ").append(instance).append(".log unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return lines.toString();
    }
}
