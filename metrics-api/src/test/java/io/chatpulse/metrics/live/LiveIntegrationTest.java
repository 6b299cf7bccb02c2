package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.metrics.support.LiveAppTest;
import io.chatpulse.metrics.support.LiveFixtures;
import io.chatpulse.metrics.support.SharedClickHouse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live endpoints over real HTTP against a real ClickHouse engine holding the monitor's rows of
 * {@link LiveFixtures} (two tenants).
 */
@LiveAppTest
class LiveIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LiveStream liveStream;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedClickHouse.get().jdbcUrl());
    }

    @BeforeAll
    static void rows() throws Exception {
        LiveFixtures.insertOnce(SharedClickHouse.get().jdbcUrl());
    }

    @Test
    void queuesShowTheMonitorsLatestRowsTodaysServiceLevelAndOpenAlerts() throws Exception {
        JsonNode body = ok("/api/v1/live/queues", "nw-sup");
        assertThat(body.propertyNames()).containsExactly("asOf", "oldestWaitWarningSeconds", "queues", "alerts");
        assertThat(body.get("oldestWaitWarningSeconds").asLong()).isEqualTo(120);
        JsonNode queues = body.get("queues");
        assertThat(queues).hasSize(2);

        JsonNode billing = queues.get(0);
        assertThat(billing.get("queueId").asString()).isEqualTo("billing");
        assertThat(billing.propertyNames()).containsExactly("queueId", "stateAsOf", "stale", "queueLength",
                "oldestWaitSeconds", "oldestQueuedAt", "agents", "serviceLevelToday", "openAlerts", "forecast");
        // The latest row (3 waiting) replaced the older one (1 waiting).
        assertThat(billing.get("queueLength").asLong()).isEqualTo(3);
        assertThat(billing.get("stale").asBoolean()).isFalse();
        // Queued 150 s before the insert: measured against now, so at least 150 s, not the stored 149 s.
        assertThat(billing.get("oldestWaitSeconds").asDouble()).isBetween(150.0, 150.0 + 300);
        assertThat(Instant.parse(billing.get("oldestQueuedAt").asString())).isBefore(Instant.now().minusSeconds(149));
        assertThat(json.writeValueAsString(billing.get("agents"))).isEqualTo("{\"online\":4,\"available\":1,\"busy\":3}");
        JsonNode service = billing.get("serviceLevelToday");
        assertThat(service.get("timezone").asString()).isEqualTo("UTC");
        assertThat(service.get("answered").asLong()).isEqualTo(2);
        assertThat(service.get("answeredWithin").asLong()).isEqualTo(1);
        assertThat(service.get("abandoned").asLong()).isEqualTo(1);
        assertThat(service.get("answerWithinSeconds").asLong()).isEqualTo(30);
        assertThat(service.get("serviceLevel").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(billing.get("openAlerts").asLong()).isEqualTo(1);
        // The forecast and staffing advice of the same row, as the monitor stored them.
        JsonNode forecast = billing.get("forecast");
        assertThat(forecast.get("model").asString()).isEqualTo("erlang_a");
        assertThat(forecast.get("unbounded").asBoolean()).isFalse();
        assertThat(forecast.get("arrivalsPerHour").asDouble()).isEqualTo(120.0);
        assertThat(forecast.get("patienceSeconds").asDouble()).isEqualTo(90.0);
        assertThat(forecast.get("slots").asLong()).isEqualTo(8);
        assertThat(forecast.get("waitProbability").asDouble()).isEqualTo(0.75);
        assertThat(forecast.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(41.5);
        assertThat(forecast.get("serviceLevel").asDouble()).isEqualTo(0.55);
        assertThat(forecast.get("serviceLevelTarget").asDouble()).isEqualTo(0.8);
        assertThat(forecast.get("serviceLevelTimeSeconds").asDouble()).isEqualTo(30.0);
        assertThat(forecast.get("waitOverThresholdProbability").asDouble()).isEqualTo(0.12);
        // Stored 21 s after the row's event time (LiveFixtures).
        assertThat(java.time.Duration.between(Instant.parse(billing.get("stateAsOf").asString()),
                Instant.parse(forecast.get("oldestAnswerExpectedAt").asString()))).isEqualTo(java.time.Duration.ofSeconds(21));
        assertThat(json.writeValueAsString(forecast.get("staffing")))
                .isEqualTo("{\"agentsNeeded\":6,\"agentsOnline\":4,\"agentsShort\":2}");

        JsonNode sales = queues.get(1);
        assertThat(sales.get("queueId").asString()).isEqualTo("sales");
        assertThat(sales.get("queueLength").asLong()).isZero();
        assertThat(sales.get("oldestWaitSeconds").asDouble()).isZero();
        assertThat(sales.get("oldestQueuedAt").isNull()).isTrue();
        assertThat(sales.get("openAlerts").asLong()).isZero();
        assertThat(sales.get("forecast").isNull()).as("a row without forecast columns").isTrue();
        // The queue's own timezone (chatpulse.live.queue-timezones); nothing answered today: no rate.
        assertThat(sales.get("serviceLevelToday").get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(sales.get("serviceLevelToday").get("serviceLevel").isNull()).isTrue();

        assertThat(scopes(body.get("alerts"))).containsExactly("queue_wait queue:billing", "pipeline_stalled pipeline");
        assertThat(body.get("alerts").get(0).get("queueId").asString()).isEqualTo("billing");
        assertThat(body.get("alerts").get(1).get("queueId").isNull()).isTrue();
    }

    @Test
    void serviceLevelTodayIsTheSummarysFigureForTheSameDayAndQueue() throws Exception {
        JsonNode live = ok("/api/v1/live/queues", "nw-sup").get("queues").get(0).get("serviceLevelToday");
        Instant today = Instant.now().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        JsonNode summary = ok("/api/v1/kpis/summary?queueId=billing&timezone=UTC&from=" + today + "&to="
                + today.plus(Duration.ofDays(1)), "nw-sup").get("kpis").get("service");
        assertThat(live.get("serviceLevel").asDouble()).isEqualTo(summary.get("serviceLevel").asDouble());
        assertThat(live.get("answered").asLong()).isEqualTo(summary.get("answered").asLong());
        assertThat(live.get("abandoned").asLong()).isEqualTo(summary.get("abandoned").asLong());
    }

    @Test
    void oldestWaitKeepsGrowingBetweenMonitorRows() throws Exception {
        double first = ok("/api/v1/live/queues", "nw-sup").get("queues").get(0).get("oldestWaitSeconds").asDouble();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double later = first;
        while (later <= first && System.nanoTime() < deadline) {
            Thread.sleep(100);
            later = ok("/api/v1/live/queues", "nw-sup").get("queues").get(0).get("oldestWaitSeconds").asDouble();
        }
        assertThat(later).isGreaterThan(first);
    }

    @Test
    void aRowOlderThanStaleAfterIsFlaggedAndItsWaitNotGrown() throws Exception {
        JsonNode lobby = ok("/api/v1/live/queues", "um-sup").get("queues").get(0);
        assertThat(lobby.get("queueId").asString()).isEqualTo("lobby");
        assertThat(lobby.get("stale").asBoolean()).isTrue();
        assertThat(lobby.get("queueLength").asLong()).isEqualTo(2);
        assertThat(lobby.get("oldestWaitSeconds").asDouble()).isEqualTo(200.0);
    }

    @Test
    void requestedTimezoneOverridesTheQueuesOwn() throws Exception {
        JsonNode queues = ok("/api/v1/live/queues?timezone=Asia/Tokyo", "nw-sup").get("queues");
        assertThat(queues.get(0).get("serviceLevelToday").get("timezone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(queues.get(1).get("serviceLevelToday").get("timezone").asString()).isEqualTo("Asia/Tokyo");

        HttpResponse<String> bad = get("/api/v1/live/queues?timezone=Mars/Olympus", "nw-sup");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("timezone");
    }

    @Test
    void openAlertsAreTheLatestLiveFiringChanges() throws Exception {
        JsonNode body = ok("/api/v1/live/alerts", "nw-sup");
        assertThat(body.propertyNames()).containsExactly("asOf", "alerts");
        // sales resolved, archive fired only in a replay: neither is open.
        assertThat(scopes(body.get("alerts"))).containsExactly("queue_wait queue:billing", "pipeline_stalled pipeline");
        JsonNode billing = body.get("alerts").get(0);
        assertThat(billing.propertyNames()).containsExactly("rule", "scope", "queueId", "startedAt", "firingAt",
                "value", "threshold", "summary", "dashboardUrl");
        assertThat(billing.get("summary").asString()).startsWith("Queue billing: a customer has waited 120 s");
    }

    @Test
    void queuesOnlyTheHistoryKnowsAreLeftOutUnlessAllAreAskedFor() throws Exception {
        assertThat(ids(ok("/api/v1/live/queues", "nw-sup").get("queues")))
                .containsExactly("billing", "sales");
        // most urgent first: billing's customer has waited 150 s; then by id
        assertThat(ids(ok("/api/v1/live/queues?all=true", "nw-sup").get("queues")))
                .containsExactly("billing", "archive", "sales");
        HttpResponse<String> bad = get("/api/v1/live/queues?all=maybe", "nw-sup");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("all");
    }

    private static List<String> ids(JsonNode queues) {
        List<String> ids = new ArrayList<>();
        queues.forEach(queue -> ids.add(queue.get("queueId").asString()));
        return ids;
    }

    @Test
    void eachTenantSeesOnlyItsOwnQueuesAndAlerts() throws Exception {
        String northwind = get("/api/v1/live/queues", "nw-sup").body() + get("/api/v1/live/alerts", "nw-sup").body();
        assertThat(northwind).doesNotContain("secret", "initech", "4242");

        JsonNode initech = ok("/api/v1/live/queues", "in-sup");
        assertThat(initech.get("queues")).hasSize(1);
        JsonNode secret = initech.get("queues").get(0);
        assertThat(secret.get("queueId").asString()).isEqualTo("secret");
        assertThat(secret.get("queueLength").asLong()).isEqualTo(9);
        assertThat(secret.get("serviceLevelToday").get("answered").asLong()).isEqualTo(1);
        assertThat(scopes(initech.get("alerts"))).containsExactly("queue_wait queue:secret");
        assertThat(initech.toString()).doesNotContain("billing", "sales", "pipeline");
    }

    @Test
    void liveEndpointsNeedAKeyAndOnlyTheStreamTakesItAsAQueryParameter() throws Exception {
        assertThat(get("/api/v1/live/queues", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live/alerts", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live/queues?apiKey=nw-sup", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live/stream?apiKey=nope", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/live/stream", null).statusCode()).isEqualTo(401);
        // As a browser's EventSource asks: still a 401, not a stream.
        HttpResponse<String> eventSource = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/live/stream?apiKey=nope")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(eventSource.statusCode()).isEqualTo(401);
    }

    @Test
    void streamPushesTheQueuesEverySecondAndStopsWhenTheClientLeaves() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/live/stream?apiKey=nw-sup")))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        List<JsonNode> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long started = System.nanoTime();
        try (InputStream body = response.body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            StringBuilder data = new StringBuilder();
            while (events.size() < 2 && (line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    names.add(line.substring("event:".length()).strip());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(json.readTree(data.toString()));
                    data.setLength(0);
                }
            }
            assertThat(liveStream.subscribers()).isEqualTo(1);
        }
        assertThat(names).startsWith("queues", "queues");
        assertThat(events).hasSize(2);
        // The same JSON as GET /api/v1/live/queues, a second apart.
        for (JsonNode event : events) {
            assertThat(event.propertyNames()).containsExactly("asOf", "oldestWaitWarningSeconds", "queues", "alerts");
            assertThat(event.get("queues").get(0).get("queueId").asString()).isEqualTo("billing");
            assertThat(event.get("queues").get(0).get("queueLength").asLong()).isEqualTo(3);
            assertThat(event.get("queues").get(0).get("forecast").get("staffing").get("agentsNeeded").asLong())
                    .as("the forecast and staffing advice ride along").isEqualTo(6);
            assertThat(event.toString()).doesNotContain("secret");
        }
        assertThat(Instant.parse(events.get(1).get("asOf").asString()))
                .isAfter(Instant.parse(events.get(0).get("asOf").asString()));
        assertThat(events.get(1).get("queues").get(0).get("oldestWaitSeconds").asDouble())
                .isGreaterThan(events.get(0).get("queues").get(0).get("oldestWaitSeconds").asDouble());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        // The client closed the connection: the next pushes fail and the publisher drops it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (liveStream.subscribers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(liveStream.subscribers()).isZero();
    }

    private static List<String> scopes(JsonNode alerts) {
        List<String> scopes = new ArrayList<>();
        alerts.forEach(a -> scopes.add(a.get("rule").asString() + " " + a.get("scope").asString()));
        return scopes;
    }

    private JsonNode ok(String path, String key) throws Exception {
        HttpResponse<String> response = get(path, key);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
