package io.chatpulse.metrics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.support.SharedClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20: the forecast beside what happened, recomputed in this test from V048's written
 * definition (the last forecast of each minute, the mean of a queue's minutes per 15 minutes, the
 * customers who entered the queue in those minutes with metrics.md's ASA and service level at the
 * forecast's T, and the error over the intervals) from the rows inserted, against what the real
 * engine's materialized view and views give through the real API. The monitor's rows are inserted
 * twice, as a replay would write them again; rows without a forecast (before V047) are ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.fa-sup.tenant=" + ForecastAccuracyIntegrationTest.TENANT,
        "chatpulse.security.api-keys.fa-sup.role=supervisor",
        "chatpulse.security.api-keys.fa-mgr.tenant=" + ForecastAccuracyIntegrationTest.TENANT,
        "chatpulse.security.api-keys.fa-mgr.role=manager"})
class ForecastAccuracyIntegrationTest {

    static final String TENANT = "forecastco";
    private static final long SEED = 20_261_207L;
    private static final long MINUTE = 60_000;
    private static final long INTERVAL = 15 * MINUTE;
    private static final Instant FROM = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-10T12:00:00Z");
    /** The rows reach 20 minutes beyond both ends, which the period must leave out. */
    private static final long MARGIN = 20 * MINUTE;
    private static final Map<String, Double> T = Map.of("support", 30.0, "sales", 20.0);
    private static final long SHORT_ABANDON_MS = 5_000;

    private record Forecast(String queue, long asOf, boolean modelled, boolean unbounded, double asa, double serviceLevel) {
    }

    private record Wait(String queue, String id, long queuedAt, boolean answered, long waitMs) {
    }

    private static final List<Forecast> FORECASTS = new ArrayList<>();
    private static final List<Wait> WAITS = new ArrayList<>();

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
        simulate();
        try (Connection connection = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "")) {
            insertForecasts(connection);
            insertForecasts(connection);
            insertWaits(connection);
        }
    }

    @Test
    void everyIntervalAndTheErrorAreTheDefinitionOverTheStoredRows() throws Exception {
        JsonNode body = ok("/api/v1/queues/forecast-accuracy?from=" + FROM + "&to=" + TO);
        assertThat(body.get("intervalMinutes").asInt()).isEqualTo(15);
        JsonNode queues = body.get("queues");
        assertThat(queues).hasSize(2);
        SoftAssertions softly = new SoftAssertions();
        int compared = 0;
        for (JsonNode queue : queues) {
            String queueId = queue.get("queueId").asString();
            List<Expected> expected = expected(queueId);
            JsonNode intervals = queue.get("intervals");
            softly.assertThat(intervals).as(queueId + " intervals").hasSize(expected.size());
            for (int i = 0; i < Math.min(intervals.size(), expected.size()); i++) {
                compare(softly, queueId, intervals.get(i), expected.get(i));
                compared++;
            }
            compareSummary(softly, queueId, queue.get("summary"), expected);
        }
        softly.assertAll();
        assertThat(compared).as("intervals of 3 hours, 2 queues").isEqualTo(24);
        System.out.println("forecast accuracy reference: " + compared + " intervals and 2 summaries equal the definition");
    }

    @Test
    void oneQueueAndBadPeriodsAreRefusedByName() throws Exception {
        JsonNode body = ok("/api/v1/queues/forecast-accuracy?from=" + FROM + "&to=" + TO + "&queueId=sales");
        assertThat(body.get("queues")).hasSize(1);
        assertThat(body.get("queues").get(0).get("queueId").asString()).isEqualTo("sales");
        HttpResponse<String> reversed = get("/api/v1/queues/forecast-accuracy?from=" + TO + "&to=" + FROM);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("to").contains("must be after from");
    }

    @Test
    void theIntervalsExportAsCsvForManagers() throws Exception {
        String path = "/api/v1/queues/forecast-accuracy/export?format=csv&from=" + FROM + "&to=" + TO;
        assertThat(get(path, "fa-sup").statusCode()).as("a supervisor does not export").isEqualTo(403);
        HttpResponse<String> csv = get(path, "fa-mgr");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("queue,interval_start,forecast_minutes,unbounded_minutes,service_level_time_s,"
                + "forecast_asa_s,forecast_service_level,answered,answered_within,abandoned,actual_asa_s,actual_service_level");
        assertThat(lines).as("a header and 24 intervals").hasSize(25);
        Expected first = expected("sales").get(0);
        assertThat(lines.get(1)).startsWith("sales," + Instant.ofEpochMilli(first.start()).toString().replace("Z", ".000Z")
                + "," + first.minutes() + "," + first.unboundedMinutes() + ",");
    }

    /** One 15-minute interval as the definition makes it. */
    private record Expected(long start, int minutes, int unboundedMinutes, Double forecastAsa, double forecastServiceLevel,
                            long answered, long answeredWithin, long abandoned, Double actualAsa, Double actualServiceLevel) {
    }

    private static List<Expected> expected(String queue) {
        TreeMap<Long, Forecast> lastOfMinute = new TreeMap<>();
        for (Forecast f : FORECASTS) {
            long minute = Math.floorDiv(f.asOf(), MINUTE) * MINUTE;
            if (f.queue().equals(queue) && f.modelled() && minute >= FROM.toEpochMilli() && minute < TO.toEpochMilli()) {
                lastOfMinute.merge(minute, f, (a, b) -> a.asOf() >= b.asOf() ? a : b);
            }
        }
        TreeMap<Long, List<Forecast>> byInterval = new TreeMap<>();
        lastOfMinute.forEach((minute, f) -> byInterval.computeIfAbsent(minute / INTERVAL * INTERVAL,
                s -> new ArrayList<>()).add(f));
        List<Expected> expected = new ArrayList<>();
        byInterval.forEach((start, minutes) -> {
            int unbounded = (int) minutes.stream().filter(Forecast::unbounded).count();
            double asa = minutes.stream().mapToDouble(Forecast::asa).average().orElseThrow();
            double serviceLevel = minutes.stream().mapToDouble(Forecast::serviceLevel).average().orElseThrow();
            long answered = 0;
            long within = 0;
            long abandoned = 0;
            long waited = 0;
            for (Wait w : WAITS) {
                if (!w.queue().equals(queue) || w.queuedAt() < FROM.toEpochMilli() || w.queuedAt() >= TO.toEpochMilli()
                        || w.queuedAt() / INTERVAL * INTERVAL != start) {
                    continue;
                }
                if (w.answered()) {
                    answered++;
                    waited += w.waitMs();
                    within += w.waitMs() <= T.get(queue) * 1000 ? 1 : 0;
                } else if (w.waitMs() >= SHORT_ABANDON_MS) {
                    abandoned++;
                }
            }
            expected.add(new Expected(start, minutes.size(), unbounded, unbounded > 0 ? null : asa, serviceLevel,
                    answered, within, abandoned, answered == 0 ? null : waited / 1000.0 / answered,
                    answered + abandoned == 0 ? null : within / (double) (answered + abandoned)));
        });
        return expected;
    }

    private static void compare(SoftAssertions softly, String queue, JsonNode interval, Expected e) {
        String where = queue + " " + Instant.ofEpochMilli(e.start());
        softly.assertThat(Instant.parse(interval.get("start").asString())).as(where).isEqualTo(Instant.ofEpochMilli(e.start()));
        softly.assertThat(interval.get("forecastMinutes").asInt()).as(where + " minutes").isEqualTo(e.minutes());
        softly.assertThat(interval.get("unboundedMinutes").asInt()).as(where + " unbounded").isEqualTo(e.unboundedMinutes());
        softly.assertThat(interval.get("serviceLevelTimeSeconds").asDouble()).as(where + " T").isEqualTo(T.get(queue));
        JsonNode forecast = interval.get("forecast");
        closeOrNull(softly, where + " forecast ASA", forecast.get("averageSpeedOfAnswerSeconds"), e.forecastAsa());
        closeOrNull(softly, where + " forecast SL", forecast.get("serviceLevel"), e.forecastServiceLevel());
        JsonNode actual = interval.get("actual");
        softly.assertThat(actual.get("answered").asLong()).as(where + " answered").isEqualTo(e.answered());
        softly.assertThat(actual.get("answeredWithin").asLong()).as(where + " within T").isEqualTo(e.answeredWithin());
        softly.assertThat(actual.get("abandoned").asLong()).as(where + " abandoned").isEqualTo(e.abandoned());
        closeOrNull(softly, where + " actual ASA", actual.get("averageSpeedOfAnswerSeconds"), e.actualAsa());
        closeOrNull(softly, where + " actual SL", actual.get("serviceLevel"), e.actualServiceLevel());
    }

    private static void compareSummary(SoftAssertions softly, String queue, JsonNode summary, List<Expected> intervals) {
        List<double[]> asa = new ArrayList<>();
        List<double[]> serviceLevel = new ArrayList<>();
        for (Expected e : intervals) {
            if (e.forecastAsa() != null && e.actualAsa() != null) {
                asa.add(new double[] {e.forecastAsa(), e.actualAsa()});
            }
            if (e.actualServiceLevel() != null) {
                serviceLevel.add(new double[] {e.forecastServiceLevel(), e.actualServiceLevel()});
            }
        }
        softly.assertThat(summary.get("intervals").asLong()).as(queue + " intervals").isEqualTo(intervals.size());
        softly.assertThat(summary.get("unboundedIntervals").asLong()).as(queue + " unbounded intervals")
                .isEqualTo(intervals.stream().filter(e -> e.unboundedMinutes() > 0).count());
        error(softly, queue + " ASA", summary.get("averageSpeedOfAnswerSeconds"), asa);
        error(softly, queue + " SL", summary.get("serviceLevel"), serviceLevel);
    }

    private static void error(SoftAssertions softly, String what, JsonNode error, List<double[]> pairs) {
        softly.assertThat(error.get("intervals").asLong()).as(what + " intervals compared").isEqualTo(pairs.size());
        softly.assertThat(pairs).as(what + " intervals compared").hasSizeGreaterThan(2);
        closeOrNull(softly, what + " mean absolute error", error.get("meanAbsoluteError"),
                pairs.stream().mapToDouble(p -> Math.abs(p[0] - p[1])).average().orElseThrow());
        closeOrNull(softly, what + " bias", error.get("bias"), pairs.stream().mapToDouble(p -> p[0] - p[1]).average().orElseThrow());
    }

    private static void closeOrNull(SoftAssertions softly, String what, JsonNode value, Double expected) {
        if (expected == null) {
            softly.assertThat(value == null || value.isNull()).as(what + " is null: " + value).isTrue();
        } else {
            softly.assertThat(value != null && value.isNumber()).as(what + " is a number: " + value).isTrue();
            if (value != null && value.isNumber()) {
                softly.assertThat(value.asDouble()).as(what).isCloseTo(expected, Offset.offset(1e-9));
            }
        }
    }

    /**
     * Two queues over the period and 20 minutes either side: a forecast row every 7 s (live rows; some
     * minutes get none, one in 30 unbounded, one in 50 without a forecast at all), and a customer
     * every 40 s on average, 4 in 5 answered after up to 90 s, the others giving up after up to 60 s.
     */
    private static void simulate() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (String queue : T.keySet().stream().sorted().toList()) {
            for (long at = FROM.toEpochMilli() - MARGIN + 123; at < TO.toEpochMilli() + MARGIN; at += 7_000) {
                if (random.nextInt(40) == 0) {
                    at += 2 * MINUTE;
                }
                boolean unbounded = random.nextInt(30) == 0;
                FORECASTS.add(new Forecast(queue, at, random.nextInt(50) != 0, unbounded,
                        unbounded ? Double.NaN : random.nextDouble() * 120, unbounded ? 0 : 0.3 + random.nextDouble() * 0.7));
            }
            int n = 0;
            for (long at = FROM.toEpochMilli() - MARGIN; at < TO.toEpochMilli() + MARGIN; at += 1 + random.nextLong(80_000)) {
                boolean answered = random.nextInt(5) != 0;
                WAITS.add(new Wait(queue, queue + "-" + n++, at, answered,
                        answered ? random.nextLong(90_000) : random.nextLong(60_000)));
            }
        }
    }

    private static void insertForecasts(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO queue_live_history (tenant_id, queue_id,"
                + " as_of, queue_length, oldest_wait_ms, agents_online, agents_available, agents_busy, forecast_model,"
                + " forecast_unbounded, forecast_asa_s, forecast_service_level, service_level_time_s)"
                + " VALUES (?, ?, ?, 0, 0, 3, 0, 3, ?, ?, ?, ?, ?)")) {
            for (Forecast f : FORECASTS) {
                insert.setString(1, TENANT);
                insert.setString(2, f.queue());
                insert.setLong(3, f.asOf());
                insert.setString(4, f.modelled() ? "erlang_c" : "");
                insert.setBoolean(5, f.unbounded());
                if (f.unbounded()) {
                    insert.setNull(6, Types.DOUBLE);
                } else {
                    insert.setDouble(6, f.asa());
                }
                insert.setDouble(7, f.serviceLevel());
                insert.setDouble(8, T.get(f.queue()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertWaits(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO queue_waits (tenant_id, queue_id,"
                + " conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Wait w : WAITS) {
                insert.setString(1, TENANT);
                insert.setString(2, w.queue());
                insert.setString(3, w.id());
                insert.setLong(4, w.queuedAt());
                insert.setLong(5, w.queuedAt() + w.waitMs());
                insert.setString(6, w.answered() ? "answered" : "abandoned");
                insert.setString(7, w.answered() ? "agent-1" : "");
                insert.setLong(8, w.waitMs());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "fa-sup");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", key).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
