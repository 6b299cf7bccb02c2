package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatpulse.e2e.WebhookReceiver;
import io.chatpulse.localstack.LocalStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, pager receiver down: the webhook answers 503 to everything when a queue_wait alert fires
 * (10 s threshold) and stays down for 3 minutes, then comes back. With alerting's default delivery
 * settings (5 attempts, 1 s doubling, capped at 60 s) a page of an incident that still fires is
 * requeued past its attempts and retried at the capped backoff, so it survives the outage: the page
 * arrives exactly once (one trigger answered 2xx), after the receiver is back, as one notification.
 */
class WebhookDownIT {

    private static final String QUEUE = "fault-webhook-down";
    /** The incident's key as alerting records its deliveries: tenant/rule/scope. */
    private static final String DEDUP_KEY = "demo/queue_wait/queue:" + QUEUE;
    private static final Duration OUTAGE = Duration.ofMinutes(3);
    /** The capped backoff (max-backoff 60 s) plus the time of one attempt and its requeue. */
    private static final Duration RETRY_AFTER_COMEBACK = Duration.ofSeconds(90);
    private static WebhookReceiver receiver;
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        receiver = new WebhookReceiver(0);
        String channels = """
                {"chatpulse":{"alerting":{"channels":{"fault-hook":{"type":"webhook","url":"%s"}},\
                "routes":[{"tenant":"demo","rules":["queue_wait"],"channels":["fault-hook"]}]}}}"""
                .formatted(receiver.url());
        stack = FaultStack.start("webhook-down", Map.of(
                "queue-monitor", Map.of("ALERT_RULES", "queue_wait.threshold=10s;queue_wait.clear-after=5s"),
                "alerting", Map.of("SPRING_APPLICATION_JSON", channels)));
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aPageRefusedForThreeMinutesArrivesOnceAfterTheReceiverComesBack() {
        receiver.goDown();
        new ChatCoreScript(FaultStack.chatCore(stack), stack.settings().apiKey()).open(QUEUE);
        WebhookReceiver.Received firstRefused = Poll.until("a first page attempt, refused", Duration.ofSeconds(90),
                () -> triggers().stream().findFirst().orElse(null));
        // A fixed outage, counted from the first refused attempt: the alert has fired by then.
        Poll.pause(Math.max(0, Duration.between(Instant.now(), firstRefused.at().plus(OUTAGE)).toMillis()));
        receiver.comeBack();
        Instant cameBack = Instant.now();
        WebhookReceiver.Received delivered = Poll.until("the page delivered after the receiver came back",
                RETRY_AFTER_COMEBACK, () -> triggers().stream().filter(r -> r.answered() / 100 == 2).findFirst().orElse(null));
        Poll.until("alerting recording the delivery", Duration.ofSeconds(30), () -> deliveredAttempts() > 0 ? true : null);
        System.out.printf("receiver down %d s from the first attempt; page delivered %d ms after it came back;"
                        + " %d attempts%n", OUTAGE.toSeconds(), Duration.between(cameBack, delivered.at()).toMillis(),
                triggers().size());

        List<WebhookReceiver.Received> triggers = triggers();
        assertThat(triggers).as("one notification of one incident, retried").extracting(WebhookReceiver.Received::notificationId)
                .containsOnly(delivered.notificationId());
        assertThat(triggers.subList(0, triggers.size() - 1)).as("every attempt before the last refused")
                .allMatch(r -> r.answered() == 503 && r.at().isBefore(cameBack));
        assertThat(triggers.get(triggers.size() - 1)).as("the last attempt is the delivery, after the comeback")
                .isEqualTo(delivered).matches(r -> !r.at().isBefore(cameBack));
        assertThat(deliveredAttempts()).as("deliveries alerting recorded for the incident").isOne();
        assertThat(delivered.body().path("rule").asText()).isEqualTo("queue_wait");
    }

    private static Http.Reply deliveryLog() {
        return new Http().get("http://127.0.0.1:" + stack.settings().alertingPort()
                + "/api/v1/alerts/deliveries?dedupKey=" + URLEncoder.encode(DEDUP_KEY, StandardCharsets.UTF_8),
                stack.settings().apiKey());
    }

    private static List<WebhookReceiver.Received> triggers() {
        return receiver.received().stream().filter(r -> r.action().equals("trigger")).toList();
    }

    /** Attempts alerting lists as DELIVERED for the incident's dedup key. */
    private static long deliveredAttempts() {
        long delivered = 0;
        for (JsonNode attempt : deliveryLog().json().path("deliveries")) {
            if (attempt.path("outcome").asText().equals("DELIVERED") && attempt.path("action").asText().equalsIgnoreCase("trigger")) {
                delivered++;
            }
        }
        return delivered;
    }
}
