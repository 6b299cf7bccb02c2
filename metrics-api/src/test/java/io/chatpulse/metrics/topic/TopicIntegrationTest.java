package io.chatpulse.metrics.topic;

import static io.chatpulse.metrics.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.support.LiveAppTest;
import io.chatpulse.metrics.support.SharedClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The topic heat maps over real HTTP against a real ClickHouse engine: rows of message_topics as the
 * KPI job writes them (one written twice, as a replay does), rolled up by V060's materialized view
 * and read through its views. Monday 2026-03-02.
 */
@LiveAppTest
class TopicIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedClickHouse.get().jdbcUrl());
    }

    @BeforeAll
    static void rows() throws Exception {
        String row = "INSERT INTO message_topics (tenant_id, queue_id, conversation_id, event_id, at, topic, rank) VALUES ";
        try (Connection c = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "");
             Statement s = c.createStatement()) {
            s.execute(row + "('northwind', 'sales', 'c1', 'e1', '2026-03-02 09:01:10', 'returns', 1),"
                    + "('northwind', 'sales', 'c1', 'e2', '2026-03-02 09:03:00', 'returns', 1),"
                    + "('northwind', 'support', 'c2', 'e3', '2026-03-02 09:59:00', 'returns', 1),"
                    + "('northwind', 'support', 'c3', 'e4', '2026-03-02 16:30:00', 'delivery', 1),"
                    + "('northwind', 'support', 'c3', 'e4', '2026-03-02 16:30:00', 'payment', 2),"
                    + "('initech', 'sales', 'c9', 'e9', '2026-03-02 09:02:00', 'returns', 1)");
            // A replay writes the same row again: counted once.
            s.execute(row + "('northwind', 'sales', 'c1', 'e1', '2026-03-02 09:01:10', 'returns', 1)");
        }
    }

    @Test
    void theHeatMapCountsMessagesAndConversationsPerWeekdayAndHourInTheTimezone() throws Exception {
        String period = "from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z";
        assertThat(cells(ok("/api/v1/topics/heat-map?" + period, "nw-sup")))
                .containsExactly("1 9 returns 3 2", "1 16 delivery 1 1", "1 16 payment 1 1");
        JsonNode shanghai = ok("/api/v1/topics/heat-map?" + period + "&timezone=Asia/Shanghai", "nw-sup");
        assertThat(shanghai.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(cells(shanghai)).containsExactly("1 17 returns 3 2", "2 0 delivery 1 1", "2 0 payment 1 1");
        assertThat(cells(ok("/api/v1/topics/heat-map?" + period + "&queueId=support", "nw-sup")))
                .containsExactly("1 9 returns 1 1", "1 16 delivery 1 1", "1 16 payment 1 1");
    }

    @Test
    void aTenantSeesOnlyItsOwnTopics() throws Exception {
        assertThat(cells(ok("/api/v1/topics/heat-map?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", "in-sup")))
                .containsExactly("1 9 returns 1 1");
        assertThat(cells(ok("/api/v1/topics/heat-map?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", "um-sup")))
                .isEmpty();
    }

    @Test
    void theLiveHeatMapHasTheLastHourInFiveMinuteCells() throws Exception {
        JsonNode live = ok("/api/v1/topics/live?at=2026-03-02T09:30:00Z", "nw-sup");
        assertThat(live.get("from").asString()).isEqualTo("2026-03-02T08:35:00.000Z");
        assertThat(live.get("at").asString()).isEqualTo("2026-03-02T09:30:00.000Z");
        assertThat(liveCells(live)).containsExactly("2026-03-02T09:00:00.000Z returns 2 1");
        assertThat(liveCells(ok("/api/v1/topics/live?at=2026-03-02T10:02:30Z", "nw-sup")))
                .containsExactly("2026-03-02T09:55:00.000Z returns 1 1");
        // The cell holding `at` counts up to `at`: the message of 09:59 is not yet in a live hour ending at 09:58.
        assertThat(liveCells(ok("/api/v1/topics/live?at=2026-03-02T09:58:00Z", "nw-sup")))
                .containsExactly("2026-03-02T09:00:00.000Z returns 2 1");
    }

    @Test
    void bothExportAsCsv() throws Exception {
        HttpResponse<String> heat = get("/api/v1/topics/heat-map/export?from=2026-03-02T00:00:00Z"
                + "&to=2026-03-03T00:00:00Z&timezone=Asia/Shanghai&format=csv", "nw-mgr");
        assertThat(heat.statusCode()).isEqualTo(200);
        assertThat(heat.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_northwind_topic-heat-map_2026-03-02T0800_2026-03-03T0800_Asia-Shanghai.csv");
        assertThat(heat.body().lines()).containsExactly("weekday,hour,topic,messages,conversations",
                "1,17,returns,3,2", "2,0,delivery,1,1", "2,0,payment,1,1");
        assertThat(get("/api/v1/topics/live/export?at=2026-03-02T09:30:00Z", "nw-sup").statusCode()).as("a supervisor's export")
                .isEqualTo(403);
        HttpResponse<String> live = get("/api/v1/topics/live/export?at=2026-03-02T09:30:00Z", "nw-mgr");
        assertThat(live.body().lines()).containsExactly("start,topic,messages,conversations",
                "2026-03-02T09:00:00.000Z,returns,2,1");
    }

    @Test
    void badParametersAreNamedInA400() throws Exception {
        HttpResponse<String> zone = get("/api/v1/topics/heat-map?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z"
                + "&timezone=Mars/Olympus", "nw-sup");
        assertProblem(zone, 400);
        assertThat(zone.body()).contains("timezone");
        HttpResponse<String> missing = get("/api/v1/topics/heat-map?to=2026-03-03T00:00:00Z", "nw-sup");
        assertProblem(missing, 400);
        assertThat(missing.body()).contains("from");
        HttpResponse<String> at = get("/api/v1/topics/live?at=yesterday", "nw-sup");
        assertProblem(at, 400);
        assertThat(at.body()).contains("\"at\"");
        assertProblem(get("/api/v1/topics/live", null), 401);
    }

    private static List<String> cells(JsonNode map) {
        List<String> cells = new ArrayList<>();
        for (JsonNode c : map.get("cells")) {
            cells.add(c.get("weekday").asInt() + " " + c.get("hour").asInt() + " " + c.get("topic").asString() + " "
                    + c.get("messages").asLong() + " " + c.get("conversations").asLong());
        }
        return cells;
    }

    private static List<String> liveCells(JsonNode live) {
        List<String> cells = new ArrayList<>();
        for (JsonNode c : live.get("cells")) {
            cells.add(c.get("start").asString() + " " + c.get("topic").asString() + " " + c.get("messages").asLong()
                    + " " + c.get("conversations").asLong());
        }
        return cells;
    }

    private JsonNode ok(String path, String key) throws Exception {
        HttpResponse<String> response = get(path, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
