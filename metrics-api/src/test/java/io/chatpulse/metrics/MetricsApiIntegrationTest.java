package io.chatpulse.metrics;

import static io.chatpulse.metrics.support.ApiAssertions.assertDistribution;
import static io.chatpulse.metrics.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API over real HTTP against a real ClickHouse engine (chDB from local-stack) with the
 * project's migrations applied and rows of two tenants inserted. Expected quantiles are worked
 * out by hand below (quantileExactInclusive: position (n - 1) * p, linear interpolation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.acme-key=acme",
        "chatpulse.security.api-keys.globex-key=globex"})
@DirtiesContext
class MetricsApiIntegrationTest {

    private static final Path WORK = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
    // Started before the Spring context, which needs its address.
    private static final ClickHouseServer clickHouse = startClickHouse();

    private static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", clickHouse::jdbcUrl);
    }

    @AfterAll
    static void stop() {
        clickHouse.close();
    }

    @Test
    void returnsTheFiguresOfOneConversationOnceEvenWhenReplayed() throws Exception {
        HttpResponse<String> response = get("/api/v1/conversations/c-1/kpis", "acme-key");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.propertyNames()).containsExactly("conversationId", "queueWaits", "firstResponses");
        assertThat(body.get("conversationId").asString()).isEqualTo("c-1");
        assertThat(body.get("queueWaits")).hasSize(2);
        JsonNode abandoned = body.get("queueWaits").get(0);
        assertThat(json.writeValueAsString(abandoned)).isEqualTo("""
                {"queueId":"sales","queuedAt":"2026-03-01T09:00:00.000Z","endedAt":"2026-03-01T09:00:04.500Z",\
                "outcome":"abandoned","agentId":"","waitMs":4500}""");
        JsonNode answered = body.get("queueWaits").get(1);
        assertThat(json.writeValueAsString(answered)).isEqualTo("""
                {"queueId":"billing","queuedAt":"2026-03-01T10:00:00.000Z","endedAt":"2026-03-01T10:00:10.000Z",\
                "outcome":"answered","agentId":"a-1","waitMs":10000}""");
        assertThat(body.get("firstResponses")).hasSize(1);
        assertThat(json.writeValueAsString(body.get("firstResponses").get(0))).isEqualTo("""
                {"queueId":"billing","startedAt":"2026-03-01T10:00:10.000Z","respondedAt":"2026-03-01T10:00:13.000Z",\
                "agentId":"a-1","frtMs":3000}""");
    }

    @Test
    void neverReturnsAnotherTenantsConversation() throws Exception {
        HttpResponse<String> foreign = get("/api/v1/conversations/g-1/kpis", "acme-key");
        assertProblem(foreign, 404);
        assertThat(json.readTree(foreign.body()).get("detail").asString()).contains("g-1");

        assertThat(get("/api/v1/conversations/g-1/kpis", "globex-key").statusCode()).isEqualTo(200);

        // The same conversation id under both tenants: each sees only its own rows.
        JsonNode acme = json.readTree(get("/api/v1/conversations/shared-1/kpis", "acme-key").body());
        JsonNode globex = json.readTree(get("/api/v1/conversations/shared-1/kpis", "globex-key").body());
        assertThat(acme.get("queueWaits")).hasSize(1);
        assertThat(acme.get("queueWaits").get(0).get("waitMs").asLong()).isEqualTo(5000);
        assertThat(acme.get("firstResponses")).isEmpty();
        assertThat(globex.get("queueWaits")).hasSize(1);
        assertThat(globex.get("queueWaits").get(0).get("waitMs").asLong()).isEqualTo(999_999);
    }

    @Test
    void answersNotFoundForAnUnknownConversation() throws Exception {
        assertProblem(get("/api/v1/conversations/nope/kpis", "acme-key"), 404);
    }

    @Test
    void summarizesEveryQueueOfTheTenantFromTheViews() throws Exception {
        HttpResponse<String> response = get("/api/v1/queues/summary?" + PERIOD, "acme-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.propertyNames()).containsExactly("from", "to", "queues");
        assertThat(body.get("queues").get(0).propertyNames()).containsExactly("queueId", "queueWait", "firstResponse");
        assertThat(body.get("from").asString()).isEqualTo("2026-03-01T00:00:00.000Z");
        assertThat(body.get("to").asString()).isEqualTo("2026-03-02T00:00:00.000Z");
        assertThat(body.get("queues")).hasSize(2);

        // billing waits (answered, in the period, the replayed row once): 10, 20, 30, 40, 100 s.
        // median: position 4 * 0.5 = 2 -> 30000; p90: 3.6 -> 40000 + 0.6 * 60000 = 76000;
        // p99: 3.96 -> 40000 + 0.96 * 60000 = 97600; mean 200000 / 5 = 40000.
        JsonNode billing = body.get("queues").get(0);
        assertThat(billing.get("queueId").asString()).isEqualTo("billing");
        assertDistribution(billing.get("queueWait"), 5, 30000, 76000, 97600, 40000);
        // billing FRT: 3 and 5 s. median 4000; p90: 0.9 -> 3000 + 0.9 * 2000 = 4800; p99 4980.
        assertDistribution(billing.get("firstResponse"), 2, 4000, 4800, 4980, 4000);

        // sales: the abandoned wait does not count; one answered wait of 5 s; no first response.
        JsonNode sales = body.get("queues").get(1);
        assertThat(sales.get("queueId").asString()).isEqualTo("sales");
        assertDistribution(sales.get("queueWait"), 1, 5000, 5000, 5000, 5000);
        assertThat(json.writeValueAsString(sales.get("firstResponse")))
                .isEqualTo("{\"count\":0,\"medianMs\":null,\"p90Ms\":null,\"p99Ms\":null,\"meanMs\":null}");
    }

    @Test
    void summaryExcludesOtherTenantsAndCanBeLimitedToOneQueue() throws Exception {
        JsonNode globex = json.readTree(get("/api/v1/queues/summary?" + PERIOD, "globex-key").body());
        assertThat(globex.get("queues")).hasSize(1);
        assertDistribution(globex.get("queues").get(0).get("queueWait"), 2, 999_999, 999_999, 999_999, 999_999);

        JsonNode sales = json.readTree(get("/api/v1/queues/summary?" + PERIOD + "&queueId=sales", "acme-key").body());
        assertThat(sales.get("queues")).hasSize(1);
        assertThat(sales.get("queues").get(0).get("queueId").asString()).isEqualTo("sales");

        JsonNode none = json.readTree(get("/api/v1/queues/summary?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z",
                "acme-key").body());
        assertThat(none.get("queues")).isEmpty();
    }

    @Test
    void rejectsMissingAndUnknownApiKeys() throws Exception {
        HttpResponse<String> missing = get("/api/v1/queues/summary?" + PERIOD, null);
        assertProblem(missing, 401);
        assertThat(json.readTree(missing.body()).get("detail").asString()).contains("missing X-Api-Key");

        HttpResponse<String> unknown = get("/api/v1/conversations/c-1/kpis", "stolen-key");
        assertProblem(unknown, 401);
        assertThat(json.readTree(unknown.body()).get("detail").asString()).contains("unknown API key");

        // The default key of the embedded stack belongs to tenant demo, which has no rows here.
        assertProblem(get("/api/v1/conversations/c-1/kpis", "demo-key"), 404);
    }

    @Test
    void namesTheParameterAndTheReasonOfEveryInvalidSummaryRequest() throws Exception {
        assertBadParameter("to=2026-03-02T00:00:00Z", "from", "is required");
        assertBadParameter("from=2026-03-01T00:00:00Z", "to", "is required");
        assertBadParameter("from=yesterday&to=2026-03-02T00:00:00Z", "from", "ISO-8601");
        assertBadParameter("from=2026-03-01T00:00:00Z&to=" + encode("2026-03-02 00:00"), "to", "ISO-8601");
        assertBadParameter("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "after from");
        assertBadParameter("from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "after from");
        assertBadParameter("from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "at most 400 days");
    }

    private void assertBadParameter(String query, String parameter, String reason) throws Exception {
        HttpResponse<String> response = get("/api/v1/queues/summary?" + query, "acme-key");
        assertProblem(response, 400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("parameter").asString()).as(query).isEqualTo(parameter);
        assertThat(problem.get("reason").asString()).as(query).contains(reason);
        assertThat(problem.get("detail").asString()).as(query).startsWith(parameter + ": ");
    }

    private HttpResponse<String> get(String pathAndQuery, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ClickHouseServer startClickHouse() {
        try {
            Files.createDirectories(WORK);
            ClickHouseServer server = ClickHouseServer.start(WORK.resolve("clickhouse"));
            ClickHouseMigrations.apply(server.jdbcUrl(), "default", "");
            insertRows(server.jdbcUrl());
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start ClickHouse from local-stack", e);
        }
    }

    private static void insertRows(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "default", "");
             Statement st = connection.createStatement()) {
            st.execute("""
                    INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES
                    ('acme', 'sales',   'c-1', '2026-03-01 09:00:00.000', '2026-03-01 09:00:04.500', 'abandoned', '', 4500),
                    ('acme', 'billing', 'c-1', '2026-03-01 10:00:00.000', '2026-03-01 10:00:10.000', 'answered', 'a-1', 10000),
                    ('acme', 'billing', 'c-2', '2026-03-01 11:00:00.000', '2026-03-01 11:00:20.000', 'answered', 'a-2', 20000),
                    ('acme', 'billing', 'c-3', '2026-03-01 12:00:00.000', '2026-03-01 12:00:30.000', 'answered', 'a-1', 30000),
                    ('acme', 'billing', 'c-4', '2026-03-01 13:00:00.000', '2026-03-01 13:00:40.000', 'answered', 'a-2', 40000),
                    ('acme', 'billing', 'c-5', '2026-03-01 14:00:00.000', '2026-03-01 14:01:40.000', 'answered', 'a-3', 100000),
                    ('acme', 'billing', 'c-6', '2026-02-28 23:00:00.000', '2026-02-28 23:59:59.999', 'answered', 'a-3', 777777),
                    ('acme', 'billing', 'c-7', '2026-03-01 23:59:00.000', '2026-03-02 00:00:00.000', 'answered', 'a-3', 60000),
                    ('acme', 'sales',   'shared-1', '2026-03-01 15:00:00.000', '2026-03-01 15:00:05.000', 'answered', 'a-4', 5000),
                    ('globex', 'billing', 'g-1', '2026-03-01 10:00:00.000', '2026-03-01 10:16:39.999', 'answered', 'g-a', 999999),
                    ('globex', 'billing', 'shared-1', '2026-03-01 10:00:00.000', '2026-03-01 10:16:39.999', 'answered', 'g-b', 999999)""");
            // A replay after a crash writes c-1's answered wait again: it must count once.
            st.execute("""
                    INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES
                    ('acme', 'billing', 'c-1', '2026-03-01 10:00:00.000', '2026-03-01 10:00:10.000', 'answered', 'a-1', 10000)""");
            st.execute("""
                    INSERT INTO first_responses (tenant_id, queue_id, conversation_id, agent_id, started_at, responded_at, frt_ms) VALUES
                    ('acme', 'billing', 'c-1', 'a-1', '2026-03-01 10:00:10.000', '2026-03-01 10:00:13.000', 3000),
                    ('acme', 'billing', 'c-2', 'a-2', '2026-03-01 11:00:20.000', '2026-03-01 11:00:25.000', 5000),
                    ('globex', 'billing', 'g-1', 'g-a', '2026-03-01 10:16:40.000', '2026-03-01 10:16:41.000', 1000)""");
        }
    }
}
