package io.chatpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on its embedded default, started by the same runner as {@code chatpulse up}:
 * scripted conversations over chat-core's HTTP API, and the queue waits and first response times
 * that metrics-api then serves must equal those computed from the events' own timestamps in Kafka.
 */
class PipelineEndToEndIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofMinutes(3);
    private static LocalStack stack;
    private static JsonHttp chatCore;
    private static JsonHttp metricsApi;

    @BeforeAll
    static void startTheSystem() {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/e2e-data-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        stack = LocalStack.start(settings, System.out);
        chatCore = new JsonHttp("http://127.0.0.1:" + settings.chatCorePort(), settings.apiKey());
        metricsApi = new JsonHttp("http://127.0.0.1:" + settings.metricsApiPort(), settings.apiKey());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void queueWaitAndFirstResponseServedByTheApiEqualThoseOfTheEventsInKafka() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        Map<String, Integer> scripted = new LinkedHashMap<>();
        scripted.put(answeredConversation("support", 120, 80), 8);
        scripted.put(answeredConversation("support", 10, 300), 8);
        scripted.put(answeredConversation("billing", 250, 40), 8);
        scripted.put(conversationWithBotFirst("billing", 150), 9);
        String unanswered = open("support");
        scripted.put(unanswered, 2);

        Map<String, List<ConversationEvent>> events = ConversationEventsReader.read(
                stack.settings().kafkaBootstrap(), scripted.keySet(), scripted.values().stream().mapToInt(i -> i).sum());
        scripted.forEach((id, count) -> assertThat(events.get(id)).as("events of %s in Kafka", id).hasSize(count));

        for (String id : scripted.keySet()) {
            if (id.equals(unanswered)) {
                continue;
            }
            JsonNode kpis = await("KPIs of " + id, () -> {
                JsonHttp.Answer answer = metricsApi.get("/api/v1/conversations/" + id + "/kpis");
                boolean complete = answer.status() == 200 && answer.body().path("queueWaits").size() == 1
                        && answer.body().path("firstResponses").size() == 1;
                return complete ? answer.body() : null;
            });
            List<ConversationEvent> own = events.get(id);
            assertThat(kpis.path("queueWaits").get(0).path("waitMs").asLong())
                    .as("queue wait of %s", id).isEqualTo(ReferenceKpis.queueWaits(own).get(0));
            assertThat(kpis.path("firstResponses").get(0).path("frtMs").asLong())
                    .as("first response time of %s", id).isEqualTo(ReferenceKpis.firstResponse(own).orElseThrow());
        }
        assertThat(metricsApi.get("/api/v1/conversations/" + unanswered + "/kpis").body().path("queueWaits").size())
                .as("a conversation still waiting has no completed queue wait").isZero();

        assertSummaryAgreesWithTheEvents(from, events, unanswered);
    }

    /**
     * Issue 21: a topic catalogue saved through metrics-api's admin API reaches the running KPI job,
     * which tags the customer messages chat-core takes from then on; the live heat map shows them. Its
     * own queue, so the figures of the other test keep theirs.
     */
    @Test
    void aCatalogueSavedThroughTheAdminApiTagsTheNextCustomerMessages() throws Exception {
        JsonHttp.Answer current = metricsApi.get("/api/v1/admin/topic-catalogue");
        expect(200, current);
        String version = "\"" + current.body().path("version").asLong() + "\"";
        expect(200, metricsApi.put("/api/v1/admin/topic-catalogue", Map.of("topics",
                List.of(Map.of("name", "e2e-returns", "phrases", List.of("send it back")))), version));
        String id = open("topics-e2e");
        // The change reaches the job at a moment of its own: messages go on until one is tagged with it.
        JsonNode cells = await("a customer message tagged with the saved topic", () -> {
            expect(201, chatCore.post(path(id, "messages"), Map.of("sender", "CUSTOMER", "text", "can I send it back?")));
            JsonHttp.Answer live = metricsApi.get("/api/v1/topics/live?queueId=topics-e2e");
            boolean tagged = live.status() == 200 && live.body().path("cells").findValuesAsText("topic")
                    .contains("e2e-returns");
            return tagged ? live.body().path("cells") : null;
        });
        assertThat(cells.findValuesAsText("topic")).containsOnly("e2e-returns");
    }

    private void assertSummaryAgreesWithTheEvents(Instant from, Map<String, List<ConversationEvent>> events,
                                                  String unanswered) {
        Map<String, List<Long>> waitsByQueue = new LinkedHashMap<>();
        events.forEach((id, own) -> {
            if (!id.equals(unanswered)) {
                String queue = queueOf(own);
                waitsByQueue.computeIfAbsent(queue, q -> new ArrayList<>()).addAll(ReferenceKpis.queueWaits(own));
            }
        });
        String to = Instant.now().plusSeconds(60).toString();
        JsonNode summary = metricsApi.get("/api/v1/queues/summary?from=" + from + "&to=" + to).body();
        waitsByQueue.forEach((queue, waits) -> {
            JsonNode row = rowOf(summary, queue);
            assertThat(row.path("queueWait").path("count").asLong()).as("answered in %s", queue).isEqualTo(waits.size());
            assertThat(row.path("queueWait").path("medianMs").asDouble()).as("median wait in %s", queue)
                    .isCloseTo(ReferenceKpis.quantile(waits, 0.5), within(0.001));
            assertThat(row.path("queueWait").path("p90Ms").asDouble()).as("p90 wait in %s", queue)
                    .isCloseTo(ReferenceKpis.quantile(waits, 0.9), within(0.001));
        });
    }

    private static JsonNode rowOf(JsonNode summary, String queue) {
        for (JsonNode row : summary.path("queues")) {
            if (row.path("queueId").asText().equals(queue)) {
                return row;
            }
        }
        throw new AssertionError("queue " + queue + " missing from the summary " + summary);
    }

    private static String queueOf(List<ConversationEvent> events) {
        return events.stream().map(ConversationEvent::getPayload)
                .filter(ConversationQueued.class::isInstance)
                .map(p -> ((ConversationQueued) p).getQueueId())
                .findFirst().orElseThrow();
    }

    /** open + queued, customer message, assignment, agent reply, resolution + survey offered, rating: 8 events. */
    private static String answeredConversation(String queue, long waitMillis, long replyMillis) throws InterruptedException {
        String id = open(queue);
        expect(201, chatCore.post(path(id, "messages"), Map.of("sender", "CUSTOMER", "text", "my order is late")));
        pause(waitMillis);
        expect(200, chatCore.post(path(id, "assignment"), Map.of("agentId", "agent-" + queue)));
        pause(replyMillis);
        expect(201, chatCore.post(path(id, "messages"),
                Map.of("sender", "AGENT", "agentId", "agent-" + queue, "text", "let me check")));
        expect(200, chatCore.post(path(id, "resolution"), null));
        expect(201, chatCore.post(path(id, "csat"), Map.of("rating", 5, "comment", "thanks")));
        return id;
    }

    /** A bot answers first (its message does not stop the clock), then a human: 9 events. */
    private static String conversationWithBotFirst(String queue, long humanAfterMillis) throws InterruptedException {
        String id = open(queue);
        expect(201, chatCore.post(path(id, "messages"), Map.of("sender", "CUSTOMER", "text", "hello?")));
        expect(201, chatCore.post(path(id, "messages"), Map.of("sender", "BOT", "text", "an agent will be with you")));
        pause(humanAfterMillis);
        expect(200, chatCore.post(path(id, "assignment"), Map.of("agentId", "agent-bot-" + queue)));
        expect(201, chatCore.post(path(id, "messages"),
                Map.of("sender", "AGENT", "agentId", "agent-bot-" + queue, "text", "hi, I am here")));
        expect(200, chatCore.post(path(id, "resolution"), null));
        expect(201, chatCore.post(path(id, "csat"), Map.of("rating", 2)));
        return id;
    }

    private static String open(String queue) {
        JsonHttp.Answer opened = chatCore.post("/api/v1/conversations",
                Map.of("queueId", queue, "channel", "WEB", "customerId", "customer-" + System.nanoTime()));
        expect(201, opened);
        return opened.body().path("conversationId").asText();
    }

    private static String path(String id, String action) {
        return "/api/v1/conversations/" + id + "/" + action;
    }

    private static void expect(int status, JsonHttp.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(status);
    }

    /** Spaces the scripted steps so the figures differ; it synchronises nothing. */
    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PIPELINE_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " did not appear within " + PIPELINE_DEADLINE);
    }
}
