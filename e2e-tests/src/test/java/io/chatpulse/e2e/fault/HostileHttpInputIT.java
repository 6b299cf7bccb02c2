package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, hostile HTTP input: a seeded corpus of malformed and hostile requests over every endpoint
 * of chat-core and metrics-api, from a tenant that also knows another tenant's conversation. Every
 * answer is a 4xx problem naming the reason (or, for an injection in a free-text value, a harmless
 * 2xx), never a 5xx and never the other tenant's data; the services stay up and keep serving.
 */
class HostileHttpInputIT {

    private static final long SEED = 20_261_123L;
    private static final String RIVAL_KEY = "rival-key";
    private static final String SUPERVISOR_KEY = "demo-supervisor-key";
    /** Data only the other tenant's conversation holds (the ids asked for are echoed in 404s, so they cannot tell). */
    private static final String RIVAL_AGENT = "agent-" + RIVAL_KEY;
    private static LocalStack stack;
    private final Http http = new Http();

    @BeforeAll
    static void startTheSystem() {
        // A second tenant (chat-core's key list must name the default key too) and a read-only key.
        stack = FaultStack.start("hostile", Map.of(
                "chat-core", Map.of("CHATPULSE_API_KEYS", "demo-key=demo," + RIVAL_KEY + "=rival"),
                "metrics-api", Map.of("SPRING_APPLICATION_JSON", """
                        {"chatpulse":{"security":{"api-keys":{"%s":{"tenant":"rival","role":"admin"},\
                        "%s":{"tenant":"demo","role":"supervisor"}}}}}""".formatted(RIVAL_KEY, SUPERVISOR_KEY))));
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void hostileRequestsAreRefusedWithProblemDetailsAndNeverShowAnotherTenant() {
        String demoKey = stack.settings().apiKey();
        String demoAnswered = answeredConversation(demoKey);
        String rivalAnswered = answeredConversation(RIVAL_KEY);
        String demoOpen = new ChatCoreScript(FaultStack.chatCore(stack), demoKey).open("support");
        awaitFiguresOf(rivalAnswered);

        CorpusTargets chat = new CorpusTargets(FaultStack.chatCore(stack), demoKey, RIVAL_KEY, demoOpen, rivalAnswered, SEED);
        CorpusTargets metrics = new CorpusTargets(FaultStack.metricsApi(stack), demoKey, RIVAL_KEY, demoAnswered,
                rivalAnswered, SEED);
        List<Probe> corpus = new ArrayList<>(ChatCoreCorpus.of(chat));
        corpus.addAll(MetricsApiCorpus.of(metrics, SUPERVISOR_KEY));
        List<String> violations = send(corpus);
        assertThat(corpus).hasSizeGreaterThan(300);
        assertThat(violations).as("answers that were not a 4xx problem or a harmless 2xx").isEmpty();
        assertServicesStillServe(demoKey);
    }

    /** Sends every probe in order and returns what was wrong with the answers. */
    private List<String> send(List<Probe> corpus) {
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Probe probe : corpus) {
            Http.Reply reply = http.send(probe.method(), probe.url(), probe.headers(), probe.body());
            statuses.merge(reply.status(), 1, Integer::sum);
            String violation = ProbeCheck.violation(probe, reply, Set.of(RIVAL_AGENT));
            if (violation != null) {
                violations.add(probe + " -> " + violation);
            }
        }
        System.out.printf("%d hostile requests, answers by status: %s%n", corpus.size(), statuses);
        violations.forEach(v -> System.out.println("VIOLATION " + v));
        return violations;
    }

    private String answeredConversation(String apiKey) {
        ChatCoreScript chat = new ChatCoreScript(FaultStack.chatCore(stack), apiKey);
        String id = chat.open("support");
        chat.answer(id, "agent-" + apiKey);
        return id;
    }

    /** The other tenant's figures are in ClickHouse, so an answer leaking them would show. */
    private void awaitFiguresOf(String rivalConversation) {
        Poll.until("the other tenant's figures", Duration.ofMinutes(2), () -> http.get(FaultStack.metricsApi(stack)
                + "/api/v1/conversations/" + rivalConversation + "/kpis", RIVAL_KEY).status() == 200 ? true : null);
    }

    private void assertServicesStillServe(String demoKey) {
        assertThat(http.get(FaultStack.chatCore(stack) + "/actuator/health", demoKey).status()).isEqualTo(200);
        assertThat(http.get(FaultStack.metricsApi(stack) + "/actuator/health", demoKey).status()).isEqualTo(200);
        String after = answeredConversation(demoKey);
        assertThat(http.get(FaultStack.chatCore(stack) + "/api/v1/conversations/" + after, demoKey).json()
                .path("state").asText()).isEqualTo("RESOLVED");
        assertThat(new Figures(stack).activityOf(after)).as("ClickHouse still answers").isGreaterThanOrEqualTo(0);
        Poll.until("figures of a normal conversation after the corpus", Duration.ofMinutes(2), () -> http.get(
                FaultStack.metricsApi(stack) + "/api/v1/conversations/" + after + "/kpis", demoKey).status() == 200 ? true : null);
    }
}
