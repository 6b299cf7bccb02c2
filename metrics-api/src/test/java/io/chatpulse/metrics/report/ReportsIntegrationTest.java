package io.chatpulse.metrics.report;

import static io.chatpulse.metrics.support.ApiAssertions.assertDistribution;
import static io.chatpulse.metrics.support.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.metrics.support.ReportFixtures;
import io.chatpulse.metrics.support.SharedClickHouse;
import io.chatpulse.security.RequiredRole;
import io.chatpulse.security.Role;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * History, agent report, drill-down and exports over real HTTP against a real ClickHouse engine
 * with the migrations applied and the rows of {@link ReportFixtures}. Expected quantiles are
 * worked out by hand (quantileExactInclusive: position (n - 1) * p, linear interpolation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.acme-sup.tenant=acme",
        "chatpulse.security.api-keys.acme-sup.role=supervisor",
        "chatpulse.security.api-keys.acme-mgr.tenant=acme",
        "chatpulse.security.api-keys.acme-mgr.role=manager",
        "chatpulse.security.api-keys.acme-flat=acme",
        "chatpulse.security.api-keys.globex-mgr.tenant=globex",
        "chatpulse.security.api-keys.globex-mgr.role=MANAGER",
        "chatpulse.security.api-keys.bulk-mgr.tenant=bulk",
        "chatpulse.security.api-keys.bulk-mgr.role=manager"})
class ReportsIntegrationTest {

    // Berlin days 2026-03-01 and 03-02 (UTC+1): [2026-02-28T23:00Z, 2026-03-02T23:00Z).
    private static final String BERLIN = "from=2026-02-28T23:00:00Z&to=2026-03-02T23:00:00Z&timezone=Europe/Berlin";
    private static final String BERLIN_DAY_1 = "from=2026-02-28T23:00:00Z&to=2026-03-01T23:00:00Z&timezone=Europe/Berlin";
    private static final String BERLIN_DAY_2 = "from=2026-03-01T23:00:00Z&to=2026-03-02T23:00:00Z&timezone=Europe/Berlin";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<RequiredRole> requiredRoles;

    @DynamicPropertySource
    static void clickHouse(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedClickHouse.get().jdbcUrl());
    }

    @BeforeAll
    static void rows() throws Exception {
        ReportFixtures.insert(SharedClickHouse.get().jdbcUrl());
    }

    // ---- history ------------------------------------------------------------------------------

    @Test
    void summarizesEveryKpiOfThePeriodAsComputedByHand() throws Exception {
        JsonNode body = ok("/api/v1/kpis/summary?" + BERLIN_DAY_1, "acme-sup");
        assertThat(body.propertyNames()).containsExactly("from", "to", "timezone", "filters", "kpis");
        assertThat(body.get("timezone").asString()).isEqualTo("Europe/Berlin");
        JsonNode kpis = body.get("kpis");
        assertThat(kpis.propertyNames()).containsExactly("queueWait", "service", "firstResponse", "replyTime",
                "resolutionTime", "handleTime", "volume", "quality");
        // Items 1..4: waits 10, 20, 30, 40 s. median 25 s; p90: 2.7 -> 30 + 0.7 * 10 = 37 s; p99 39.7 s.
        assertDistribution(kpis.get("queueWait"), 4, 25_000, 37_000, 39_700, 25_000);
        // Answered within 30 s: 3; abandoned (60 s, item 2): 1; the 2 s abandon is short and left out.
        JsonNode service = kpis.get("service");
        assertThat(service.get("answered").asLong()).isEqualTo(4);
        assertThat(service.get("answeredWithin").asLong()).isEqualTo(3);
        assertThat(service.get("abandoned").asLong()).isEqualTo(1);
        assertThat(service.get("shortAbandons").asLong()).isEqualTo(1);
        assertThat(service.get("serviceLevel").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(service.get("abandonmentRate").asDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(service.get("averageSpeedOfAnswerMs").asDouble()).isCloseTo(25_000, within(1e-9));
        // FRT 1500, 2500, 3500, 4500 (item 2 replayed: counted once).
        assertDistribution(kpis.get("firstResponse"), 4, 3000, 4200, 4470, 3000);
        assertDistribution(kpis.get("replyTime"), 4, 1750, 2590, 2779, 1750);
        assertDistribution(kpis.get("resolutionTime"), 4, 150_000, 222_000, 238_200, 150_000);
        assertDistribution(kpis.get("handleTime"), 4, 75_000, 111_000, 119_100, 75_000);
        JsonNode volume = kpis.get("volume");
        assertThat(json.writeValueAsString(volume)).isEqualTo("""
                {"opened":4,"messagesIn":4,"messagesOutAgent":4,"messagesOutBot":0,"handled":4,"resolutions":4,\
                "reopens":1,"reopenRate":0.25}""");
        // Ratings 2, 3, 4, 5: CSAT 50, average 3.5, negative rate 0.25; 4 surveys offered, 4 answered.
        JsonNode quality = kpis.get("quality");
        assertThat(json.writeValueAsString(quality)).isEqualTo("""
                {"ratings":4,"satisfied":2,"negative":1,"csat":50.0,"averageRating":3.5,"negativeRate":0.25,\
                "surveysOffered":4,"surveyResponseRate":1.0}""");
    }

    @Test
    void dailySeriesInBerlinAgreesExactlyWithTheSummaryAcrossLocalMidnight() throws Exception {
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN, "acme-sup").get("kpis");
        JsonNode series = ok("/api/v1/kpis/series?" + BERLIN + "&interval=day", "acme-sup");

        JsonNode buckets = series.get("buckets");
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).get("start").asString()).isEqualTo("2026-03-01T00:00:00+01:00");
        assertThat(buckets.get(1).get("start").asString()).isEqualTo("2026-03-02T00:00:00+01:00");
        // 22:30Z and 22:59:59.999Z on 03-01 are still Berlin's 03-01; 23:00Z is already 03-02.
        assertThat(buckets.get(0).get("kpis").get("queueWait").get("count").asLong()).isEqualTo(4);
        assertThat(buckets.get(1).get("kpis").get("queueWait").get("count").asLong()).isEqualTo(3);
        assertCountsAddUp(summary, buckets);

        // A one-day period is the day's bucket: every figure, medians and rates included, to the bit.
        assertThat(ok("/api/v1/kpis/summary?" + BERLIN_DAY_1, "acme-sup").get("kpis")).isEqualTo(buckets.get(0).get("kpis"));
        assertThat(ok("/api/v1/kpis/summary?" + BERLIN_DAY_2, "acme-sup").get("kpis")).isEqualTo(buckets.get(1).get("kpis"));

        // Cut in UTC instead, items 3..6 fall on 03-01 and the period starts on 02-28.
        JsonNode utc = ok("/api/v1/kpis/series?from=2026-02-28T23:00:00Z&to=2026-03-02T23:00:00Z&interval=day", "acme-sup");
        assertThat(utc.get("buckets")).hasSize(3);
        assertThat(utc.get("buckets").get(0).get("start").asString()).isEqualTo("2026-02-28T00:00:00Z");
        assertThat(utc.get("buckets").get(1).get("kpis").get("queueWait").get("count").asLong()).isEqualTo(5);
        assertCountsAddUp(summary, utc.get("buckets"));
    }

    @Test
    void weeksStartOnMondayInTheTimezoneAndHoursAndMinutesAddUpToo() throws Exception {
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN, "acme-sup").get("kpis");
        // 2026-03-01 is a Sunday: items 1..4 are in the week of Monday 02-23, items 5..7 in the next.
        JsonNode weeks = ok("/api/v1/kpis/series?" + BERLIN + "&interval=week", "acme-sup").get("buckets");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).get("start").asString()).isEqualTo("2026-02-23T00:00:00+01:00");
        assertThat(weeks.get(1).get("start").asString()).isEqualTo("2026-03-02T00:00:00+01:00");
        assertThat(weeks.get(0).get("kpis")).isEqualTo(ok("/api/v1/kpis/summary?" + BERLIN_DAY_1, "acme-sup").get("kpis"));
        assertCountsAddUp(summary, weeks);

        JsonNode hours = ok("/api/v1/kpis/series?" + BERLIN + "&interval=hour", "acme-sup").get("buckets");
        assertThat(hours).hasSize(48);
        assertThat(hours.get(0).get("start").asString()).isEqualTo("2026-03-01T00:00:00+01:00");
        assertCountsAddUp(summary, hours);

        JsonNode minutes = ok("/api/v1/kpis/series?" + BERLIN + "&interval=minute", "acme-sup").get("buckets");
        assertThat(minutes).hasSize(48 * 60);
        assertCountsAddUp(summary, minutes);
    }

    @Test
    void filtersByQueueAgentAndChannel() throws Exception {
        // Whole Berlin period, items 1..7.
        assertThat(count("queueId=billing")).isEqualTo(3);   // items 2, 4, 6
        assertThat(count("queueId=sales")).isEqualTo(4);     // items 1, 3, 5, 7
        assertThat(count("agentId=a-2")).isEqualTo(3);       // items 1, 4, 7
        assertThat(count("channel=web")).isEqualTo(3);       // items 2, 4, 6
        assertThat(count("channel=APP&queueId=sales&agentId=a-1")).isEqualTo(1); // item 3
        assertThat(count("contactReason=returns")).isEqualTo(2);   // items 3, 6
        assertThat(count("contactReason=delivery")).isEqualTo(3);  // items 1, 4, 7
        assertThat(count("contactReason=delivery&queueId=billing")).isEqualTo(1); // item 4
        // Named, but never first: no conversation's contact reason.
        assertThat(count("contactReason=payment")).isZero();
        assertThat(ids(ok("/api/v1/reports/agents?" + BERLIN + "&contactReason=returns", "acme-sup").get("agents"),
                "agentId")).containsExactly("a-1");             // items 3, 6
        assertThat(ok("/api/v1/conversations?" + BERLIN + "&figure=csat&contactReason=returns", "acme-sup")
                .get("items")).hasSize(2);
        assertThat(parseCsv(body("/api/v1/reports/agents/export?" + BERLIN + "&contactReason=returns", "acme-mgr")))
                .hasSize(2);
        // An unknown queue is not an error: nothing of the tenant matches.
        assertThat(count("queueId=no-such-queue")).isZero();
    }

    private long count(String filter) throws Exception {
        return ok("/api/v1/kpis/summary?" + BERLIN + "&" + filter, "acme-sup").get("kpis").get("queueWait")
                .get("count").asLong();
    }

    @Test
    void reportsFrtResolutionTimeAndCsatPerContactReason() throws Exception {
        JsonNode report = ok("/api/v1/kpis/by-contact-reason?" + BERLIN_DAY_1, "acme-sup");
        assertThat(report.propertyNames()).containsExactly("from", "to", "timezone", "filters", "reasons");
        JsonNode reasons = report.get("reasons");
        assertThat(ids(reasons, "contactReason")).containsExactly("", "delivery", "returns");
        // Items 1..4. No topic: item 2 (FRT 2500, resolution 2 min, rating 3).
        assertDistribution(reasons.get(0).get("firstResponse"), 1, 2500, 2500, 2500, 2500);
        assertDistribution(reasons.get(0).get("resolutionTime"), 1, 120_000, 120_000, 120_000, 120_000);
        assertThat(reasons.get(0).get("csat").get("csat").asDouble()).isZero();
        // delivery: items 1 and 4. FRT 1500, 4500: p90 1500 + 0.9 * 3000 = 4200.
        JsonNode delivery = reasons.get(1);
        assertDistribution(delivery.get("firstResponse"), 2, 3000, 4200, 4470, 3000);
        assertDistribution(delivery.get("resolutionTime"), 2, 150_000, 222_000, 238_200, 150_000);
        // Ratings 2 and 5.
        assertThat(json.writeValueAsString(delivery.get("csat")))
                .isEqualTo("{\"ratings\":2,\"csat\":50.0,\"averageRating\":3.5,\"negativeRate\":0.5}");
        // returns: item 3, rating 4; payment was named after it, so it is no row.
        JsonNode returns = reasons.get(2);
        assertDistribution(returns.get("firstResponse"), 1, 3500, 3500, 3500, 3500);
        assertThat(returns.get("csat").get("csat").asDouble()).isEqualTo(100.0);

        // The rows add up to the summary, and the filter is the dimension's row.
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN_DAY_1, "acme-sup").get("kpis");
        long frts = 0;
        for (JsonNode reason : reasons) {
            frts += reason.get("firstResponse").get("count").asLong();
        }
        assertThat(frts).isEqualTo(summary.get("firstResponse").get("count").asLong());
        JsonNode filtered = ok("/api/v1/kpis/summary?" + BERLIN_DAY_1 + "&contactReason=delivery", "acme-sup").get("kpis");
        assertThat(delivery.get("firstResponse")).isEqualTo(filtered.get("firstResponse"));
        assertThat(delivery.get("resolutionTime")).isEqualTo(filtered.get("resolutionTime"));
        assertThat(delivery.get("csat").get("csat")).isEqualTo(filtered.get("quality").get("csat"));
        assertThat(ids(ok("/api/v1/kpis/by-contact-reason?" + BERLIN_DAY_1 + "&contactReason=delivery", "acme-sup")
                .get("reasons"), "contactReason")).containsExactly("delivery");

        // globex's conversations share acme's ids: each tenant sees its own reasons only.
        JsonNode globex = ok("/api/v1/kpis/by-contact-reason?" + BERLIN, "globex-mgr").get("reasons");
        assertThat(ids(globex, "contactReason")).containsExactly("returns");
        assertThat(globex.get(0).get("firstResponse").get("count").asLong()).isEqualTo(7);
        assertThat(body("/api/v1/kpis/by-contact-reason?" + BERLIN, "acme-sup")).doesNotContain("4242421");
    }

    @Test
    void exportsTheContactReasonsAsCsvAndXlsxEqualToTheJson() throws Exception {
        JsonNode reasons = ok("/api/v1/kpis/by-contact-reason?" + BERLIN, "acme-mgr").get("reasons");
        assertThat(get("/api/v1/kpis/by-contact-reason/export?" + BERLIN, "acme-sup").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> csv = getBytes("/api/v1/kpis/by-contact-reason/export?" + BERLIN, "acme-mgr");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_acme_contact-reasons_2026-03-01T0000_2026-03-03T0000_Europe-Berlin.csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(ContactReasonTable.HEADER);
        List<List<String>> sheet = readXlsx(getBytes("/api/v1/kpis/by-contact-reason/export?" + BERLIN + "&format=xlsx",
                "acme-mgr").body());
        assertThat(rows).hasSize(4);
        assertThat(sheet).hasSize(4);
        for (int i = 0; i < reasons.size(); i++) {
            JsonNode r = reasons.get(i);
            List<String> expected = new ArrayList<>(List.of(r.get("contactReason").asString()));
            for (String figure : List.of("firstResponse", "resolutionTime")) {
                for (String f : List.of("count", "medianMs", "p90Ms", "p99Ms", "meanMs")) {
                    expected.add(text(r.get(figure).get(f)));
                }
            }
            for (String f : List.of("ratings", "csat", "averageRating", "negativeRate")) {
                expected.add(text(r.get("csat").get(f)));
            }
            assertThat(rows.get(i + 1)).as("csv row " + i).containsExactlyElementsOf(expected);
            assertThat(sheet.get(i + 1)).as("xlsx row " + i).containsExactlyElementsOf(expected);
        }
    }

    // ---- agents -------------------------------------------------------------------------------

    @Test
    void reportsEveryAgentsFigures() throws Exception {
        JsonNode report = ok("/api/v1/reports/agents?" + BERLIN, "acme-sup");
        JsonNode agents = report.get("agents");
        assertThat(ids(agents, "agentId")).containsExactly("a-1", "a-2", "a-3", "a-4");
        assertThat(agents.get(0).propertyNames()).containsExactly("agentId", "handled", "resolutions", "firstResponse",
                "replyTime", "handleTime", "onlineMs", "occupancy", "averageConcurrency", "csat", "qa");
        JsonNode a2 = agents.get(1);
        assertThat(a2.get("agentId").asString()).isEqualTo("a-2");
        // a-2 has items 1, 4, 7: FRT 1500, 4500, 7500 -> median 4500, p90: 1.8 -> 4500 + 0.8 * 3000 = 6900.
        assertThat(a2.get("handled").asLong()).isEqualTo(3);
        assertThat(a2.get("resolutions").asLong()).isEqualTo(3);
        assertDistribution(a2.get("firstResponse"), 3, 4500, 6900, 7440, 4500);
        assertDistribution(a2.get("handleTime"), 3, 120_000, 192_000, 208_200, 120_000);
        assertAgentTime(a2, 0, null, null);
        // Ratings 2, 5, 3.
        assertThat(a2.get("csat").get("ratings").asLong()).isEqualTo(3);
        assertThat(a2.get("csat").get("csat").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(a2.get("csat").get("averageRating").asDouble()).isCloseTo(10.0 / 3, within(1e-9));

        // The agent report is the summary filtered to the agent.
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN + "&agentId=a-2", "acme-sup").get("kpis");
        assertThat(a2.get("firstResponse")).isEqualTo(summary.get("firstResponse"));
        assertThat(a2.get("replyTime")).isEqualTo(summary.get("replyTime"));
        assertThat(a2.get("handleTime")).isEqualTo(summary.get("handleTime"));
        assertThat(a2.get("csat").get("csat")).isEqualTo(summary.get("quality").get("csat"));
    }

    @Test
    void exportsTheAgentReportAsCsvAndXlsxEqualToTheJson() throws Exception {
        JsonNode agents = ok("/api/v1/reports/agents?" + BERLIN, "acme-mgr").get("agents");

        HttpResponse<byte[]> csv = getBytes("/api/v1/reports/agents/export?" + BERLIN + "&format=csv", "acme-mgr");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("attachment")
                .contains("chatpulse_acme_agent-report_2026-03-01T0000_2026-03-03T0000_Europe-Berlin.csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(AgentReportTable.HEADER);
        assertThat(rows).hasSize(5);

        HttpResponse<byte[]> xlsx = getBytes("/api/v1/reports/agents/export?" + BERLIN + "&format=xlsx", "acme-mgr");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_acme_agent-report_2026-03-01T0000_2026-03-03T0000_Europe-Berlin.xlsx");
        List<List<String>> sheet = readXlsx(xlsx.body());
        assertThat(sheet).hasSize(5);

        for (int i = 0; i < agents.size(); i++) {
            JsonNode agent = agents.get(i);
            List<String> expected = expectedAgentCells(agent);
            assertThat(rows.get(i + 1)).as("csv row " + i).containsExactlyElementsOf(expected);
            assertThat(sheet.get(i + 1)).as("xlsx row " + i).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> expectedAgentCells(JsonNode a) {
        List<String> cells = new ArrayList<>(List.of(a.get("agentId").asString(), text(a.get("handled")),
                text(a.get("resolutions"))));
        for (String figure : List.of("firstResponse", "replyTime", "handleTime")) {
            JsonNode d = a.get(figure);
            for (String f : List.of("count", "medianMs", "p90Ms", "p99Ms", "meanMs")) {
                cells.add(text(d.get(f)));
            }
        }
        JsonNode c = a.get("csat");
        cells.addAll(Arrays.asList(text(a.get("onlineMs")), text(a.get("occupancy")), text(a.get("averageConcurrency")),
                text(c.get("ratings")), text(c.get("csat")), text(c.get("averageRating")), text(c.get("negativeRate"))));
        JsonNode qa = a.get("qa");
        cells.addAll(Arrays.asList(text(qa.get("scored")), text(qa.get("meanScore"))));
        for (JsonNode check : qa.get("checks")) {
            cells.addAll(Arrays.asList(text(check.get("applicable")), text(check.get("failures"))));
        }
        return cells;
    }

    @Test
    void reportsOnlineTimeOccupancyAndConcurrencyOfEachBerlinDay() throws Exception {
        JsonNode agents = ok("/api/v1/reports/agents?" + BERLIN, "acme-sup").get("agents");
        // a-1: four minutes of the period (the replayed one once): 150000 / 240000, 240000 / 240000.
        assertAgentTime(agents.get(0), 240_000, 0.625, 1.0);
        // a-4 was online and handled nothing: a row of its own, not hidden.
        JsonNode a4 = agents.get(3);
        assertAgentTime(a4, 60_000, 0.0, 0.0);
        assertThat(a4.get("handled").asLong()).isZero();
        assertThat(a4.get("firstResponse").get("count").asLong()).isZero();
        // Berlin's 03-01 ends at 23:00Z: 22:58Z and 22:59Z are day 1, 23:00Z and 23:01Z day 2.
        assertAgentTime(ok("/api/v1/reports/agents?" + BERLIN_DAY_1, "acme-sup").get("agents").get(0), 120_000, 0.75, 1.25);
        assertAgentTime(ok("/api/v1/reports/agents?" + BERLIN_DAY_2, "acme-sup").get("agents").get(0), 120_000, 0.5, 0.75);

        List<List<String>> csv = parseCsv(body("/api/v1/reports/agents/export?" + BERLIN, "acme-mgr"));
        int online = csv.get(0).indexOf("online_ms");
        assertThat(csv.get(0).subList(online, online + 3)).containsExactly("online_ms", "occupancy", "average_concurrency");
        assertThat(csv.get(1).subList(online, online + 3)).containsExactly("240000.0", "0.625", "1.0");
        assertThat(csv.get(2).subList(online, online + 3)).containsExactly("0.0", "", "");
        assertThat(csv.get(4).subList(online, online + 3)).containsExactly("60000.0", "0.0", "0.0");
    }

    @Test
    void cutsAgentTimeIntoDaysOfTheTimezone() throws Exception {
        String sql = "SELECT bucket_ms, online_ms, occupancy, average_concurrency FROM report_agent_time(tenant = 'acme', "
                + "from = '2026-02-28 23:00:00', to = '2026-03-02 23:00:00', tz = 'Europe/Berlin', bucket = 'day', "
                + "by_agent = true, agent = 'a-1') ORDER BY bucket_ms";
        List<String> days = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "");
             Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                days.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getDouble(4));
            }
        }
        // Berlin midnights 2026-02-28T23:00Z and 2026-03-01T23:00Z.
        assertThat(days).containsExactly("1772319600000 120000 0.75 1.25", "1772406000000 120000 0.5 0.75");
    }

    @Test
    void listsAQueuesAgentsWithTheirWholeOnlineTime() throws Exception {
        // Online time belongs to no queue: billing's agents (items 2, 4, 6) with all their time, and
        // a-4, online without a conversation, is nobody's agent in billing.
        JsonNode billing = ok("/api/v1/reports/agents?" + BERLIN + "&queueId=billing", "acme-sup").get("agents");
        assertThat(ids(billing, "agentId")).containsExactly("a-1", "a-2", "a-3");
        assertAgentTime(billing.get(0), 240_000, 0.625, 1.0);
        JsonNode a4 = ok("/api/v1/reports/agents?" + BERLIN + "&agentId=a-4", "acme-sup").get("agents");
        assertThat(ids(a4, "agentId")).containsExactly("a-4");
    }

    private static void assertAgentTime(JsonNode agent, long onlineMs, Double occupancy, Double averageConcurrency) {
        assertThat(agent.get("onlineMs").asLong()).as(agent.get("agentId").asString()).isEqualTo(onlineMs);
        assertThat(agent.get("occupancy").isNull() ? null : agent.get("occupancy").asDouble()).isEqualTo(occupancy);
        assertThat(agent.get("averageConcurrency").isNull() ? null : agent.get("averageConcurrency").asDouble())
                .isEqualTo(averageConcurrency);
    }

    // Numbers compared as numbers: CSV writes 4500.0 as "4500.0", a spreadsheet cell reads 4500.
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isNumber() ? normalize(value.asString()) : value.asString();
    }

    private static String normalize(String number) {
        if (number.isEmpty()) {
            return number;
        }
        try {
            return Double.toString(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    // ---- business hours -----------------------------------------------------------------------

    @Test
    void withBusinessHoursFrtReplyAndResolutionTimeComeFromTheBusinessViewsAndNothingElseChanges() throws Exception {
        JsonNode all = ok("/api/v1/kpis/summary?" + BERLIN_DAY_1, "acme-sup");
        JsonNode business = ok("/api/v1/kpis/summary?" + BERLIN_DAY_1 + "&hours=business", "acme-sup");
        assertThat(business.propertyNames()).containsExactly("from", "to", "timezone", "filters", "kpis");
        JsonNode kpis = business.get("kpis");
        // Items 1..4 inside business hours: FRT 400, 800, 1200, 1600 (item 2 replayed: counted once).
        // median 1000; p90: 2.7 -> 1200 + 0.7 * 400 = 1480; p99: 1200 + 0.97 * 400 = 1588.
        assertDistribution(kpis.get("firstResponse"), 4, 1000, 1480, 1588, 1000);
        // Replies 200, 400, 600, 800; resolutions 15, 30, 45, 60 s.
        assertDistribution(kpis.get("replyTime"), 4, 500, 740, 794, 500);
        assertDistribution(kpis.get("resolutionTime"), 4, 37_500, 55_500, 59_550, 37_500);
        for (String same : List.of("queueWait", "service", "handleTime", "volume", "quality")) {
            assertThat(kpis.get(same)).as(same).isEqualTo(all.get("kpis").get(same));
        }
        assertThat(ok("/api/v1/kpis/summary?" + BERLIN_DAY_1 + "&hours=all", "acme-sup")).isEqualTo(all);

        // The series reads the same views: Berlin's first day is the summary of that day.
        JsonNode days = ok("/api/v1/kpis/series?" + BERLIN + "&interval=day&hours=business", "acme-sup").get("buckets");
        assertThat(days.get(0).get("kpis")).isEqualTo(kpis);
        assertCountsAddUp(ok("/api/v1/kpis/summary?" + BERLIN + "&hours=business", "acme-sup").get("kpis"), days);
    }

    @Test
    void reportsAndExportsEveryAgentsBusinessHoursFigures() throws Exception {
        JsonNode agents = ok("/api/v1/reports/agents?" + BERLIN + "&hours=business", "acme-mgr").get("agents");
        JsonNode wall = ok("/api/v1/reports/agents?" + BERLIN, "acme-mgr").get("agents");
        assertThat(ids(agents, "agentId")).containsExactly("a-1", "a-2", "a-3", "a-4");
        JsonNode a2 = agents.get(1);
        // a-2 has items 1, 4, 7: FRT 400, 1600, 2800 -> p90: 1.8 -> 1600 + 0.8 * 1200 = 2560; replies 200, 800, 1400.
        assertDistribution(a2.get("firstResponse"), 3, 1600, 2560, 2776, 1600);
        assertDistribution(a2.get("replyTime"), 3, 800, 1280, 1388, 800);
        for (String same : List.of("agentId", "handled", "resolutions", "handleTime", "onlineMs", "occupancy",
                "averageConcurrency", "csat")) {
            assertThat(a2.get(same)).as(same).isEqualTo(wall.get(1).get(same));
        }
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN + "&agentId=a-2&hours=business", "acme-sup").get("kpis");
        assertThat(a2.get("firstResponse")).isEqualTo(summary.get("firstResponse"));
        assertThat(a2.get("replyTime")).isEqualTo(summary.get("replyTime"));

        HttpResponse<byte[]> csv = getBytes("/api/v1/reports/agents/export?" + BERLIN + "&hours=business", "acme-mgr");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_acme_agent-report-business-hours_2026-03-01T0000_2026-03-03T0000_Europe-Berlin.csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(agents.size() + 1);
        for (int i = 0; i < agents.size(); i++) {
            assertThat(rows.get(i + 1)).as("csv row " + i).containsExactlyElementsOf(expectedAgentCells(agents.get(i)));
        }
    }

    // ---- drill-down and the conversation export ------------------------------------------------

    @Test
    void listsTheConversationsBehindAFigurePaged() throws Exception {
        long frtCount = ok("/api/v1/kpis/summary?" + BERLIN, "acme-sup").get("kpis").get("firstResponse").get("count").asLong();
        JsonNode all = ok("/api/v1/conversations?" + BERLIN + "&figure=first_response&limit=1000", "acme-sup");
        assertThat(all.get("items")).hasSize((int) frtCount);
        assertThat(all.get("nextOffset").isNull()).isTrue();

        // FRT over 4 s: items 4..7 (4500, 5500, 6500, 7500 ms), ordered by completion time.
        JsonNode slow = ok("/api/v1/conversations?" + BERLIN + "&figure=first_response&over=4000&limit=3", "acme-sup");
        assertThat(slow.get("unit").asString()).isEqualTo("ms");
        assertThat(ids(slow.get("items"))).containsExactly("c-4", "c-5", "c-6");
        assertThat(slow.get("nextOffset").asLong()).isEqualTo(3);
        JsonNode first = slow.get("items").get(0);
        assertThat(json.writeValueAsString(first)).isEqualTo("""
                {"conversationId":"c-4","queueId":"billing","agentId":"a-2","startedAt":"2026-03-01T22:59:55.499Z",\
                "completedAt":"2026-03-01T22:59:59.999Z","value":4500,"detail":""}""");
        JsonNode rest = ok("/api/v1/conversations?" + BERLIN + "&figure=first_response&over=4000&limit=3&offset=3", "acme-sup");
        assertThat(ids(rest.get("items"))).containsExactly("c-7");
        assertThat(rest.get("nextOffset").isNull()).isTrue();

        // CSAT under 3: ratings 2 (c-1), 1 (c-5), 2 (c-6).
        JsonNode unhappy = ok("/api/v1/conversations?" + BERLIN + "&figure=csat&under=3", "acme-sup");
        assertThat(ids(unhappy.get("items"))).containsExactly("c-1", "c-5", "c-6");
        assertThat(unhappy.get("items").get(0).get("detail").asString()).isEqualTo("comment 1");

        // Filtered like the rest: billing queue waits are items 2, 4, 6 (answered only).
        JsonNode billing = ok("/api/v1/conversations?" + BERLIN + "&figure=queue_wait&queueId=billing", "acme-sup");
        assertThat(ids(billing.get("items"))).containsExactly("c-2", "c-4", "c-6");
    }

    @Test
    void exportsTheConversationsAsCsvAndXlsxWithTheSummarysCount() throws Exception {
        String query = BERLIN + "&figure=handle_time";
        JsonNode summary = ok("/api/v1/kpis/summary?" + BERLIN, "acme-mgr").get("kpis").get("handleTime");
        JsonNode page = ok("/api/v1/conversations?" + query + "&limit=1000", "acme-mgr");

        HttpResponse<byte[]> csv = getBytes("/api/v1/conversations/export?" + query, "acme-mgr");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_acme_conversations-handle-time_2026-03-01T0000_2026-03-03T0000_Europe-Berlin.csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        List<List<String>> sheet = readXlsx(getBytes("/api/v1/conversations/export?" + query + "&format=xlsx", "acme-mgr").body());
        assertThat(rows).hasSize((int) summary.get("count").asLong() + 1);
        assertThat(sheet).hasSize(rows.size());
        assertThat(rows.get(0)).containsExactly("conversation_id", "queue_id", "agent_id", "started_at", "completed_at",
                "value", "unit", "detail");
        double sum = 0;
        for (int i = 1; i < rows.size(); i++) {
            JsonNode item = page.get("items").get(i - 1);
            assertThat(rows.get(i).get(0)).isEqualTo(item.get("conversationId").asString());
            assertThat(Double.parseDouble(rows.get(i).get(5))).isEqualTo(item.get("value").asDouble());
            assertThat(sheet.get(i).get(0)).isEqualTo(item.get("conversationId").asString());
            assertThat(Double.parseDouble(sheet.get(i).get(5))).isEqualTo(item.get("value").asDouble());
            sum += Double.parseDouble(rows.get(i).get(5));
        }
        // The mean recomputed from the exported rows is the summary's.
        assertThat(sum / (rows.size() - 1)).isCloseTo(summary.get("meanMs").asDouble(), within(1e-9));
        // Local times in the timezone: item 1 completes at 00:30 Berlin.
        assertThat(rows.get(1).get(4)).isEqualTo("2026-03-01T00:30:00+01:00");
    }

    @Test
    void streamsALargeExportWithEveryRow() throws Exception {
        int rows = 100_000;
        try (Connection connection = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "");
             Statement st = connection.createStatement()) {
            st.execute("INSERT INTO first_responses (tenant_id, queue_id, conversation_id, agent_id, started_at, responded_at,"
                    + " frt_ms) SELECT 'bulk', 'q', concat('b-', toString(number)), 'a', "
                    + "fromUnixTimestamp64Milli(toInt64(1772323200000 + number * 1000)), "
                    + "fromUnixTimestamp64Milli(toInt64(1772323200000 + number * 1000 + 700)), 700 FROM numbers(" + rows + ")");
        }
        String query = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&figure=first_response";
        assertThat(ok("/api/v1/kpis/summary?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z", "bulk-mgr")
                .get("kpis").get("firstResponse").get("count").asLong()).isEqualTo(rows);
        HttpResponse<InputStream> csv = http.send(request("/api/v1/conversations/export?" + query, "bulk-mgr"),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(csv.statusCode()).isEqualTo(200);
        long lines;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(csv.body(), StandardCharsets.UTF_8))) {
            lines = reader.lines().count();
        }
        assertThat(lines).isEqualTo(rows + 1);
        HttpResponse<byte[]> xlsx = getBytes("/api/v1/conversations/export?" + query + "&format=xlsx", "bulk-mgr");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(rows);
        }
    }

    // ---- tenancy, roles, validation, documentation ---------------------------------------------

    @Test
    void neverShowsARowOfAnotherTenantOnAnyEndpoint() throws Exception {
        // globex's ids (queue secret, agent g-1, the same conversation ids), asked with acme's key.
        List<String> foreignFilters = List.of("queueId=secret", "agentId=g-1", "queueId=secret&agentId=g-1");
        for (String filter : foreignFilters) {
            String q = BERLIN + "&" + filter;
            JsonNode kpis = ok("/api/v1/kpis/summary?" + q, "acme-mgr").get("kpis");
            String empty = json.writeValueAsString(Kpis.EMPTY);
            assertThat(json.writeValueAsString(kpis)).isEqualTo(empty);
            for (JsonNode bucket : ok("/api/v1/kpis/series?" + q + "&interval=hour", "acme-mgr").get("buckets")) {
                assertThat(json.writeValueAsString(bucket.get("kpis"))).isEqualTo(empty);
            }
            assertThat(ok("/api/v1/reports/agents?" + q, "acme-mgr").get("agents")).isEmpty();
            for (String figure : List.of("queue_wait", "first_response", "reply_time", "resolution_time", "handle_time", "csat")) {
                assertThat(ok("/api/v1/conversations?" + q + "&figure=" + figure, "acme-mgr").get("items")).isEmpty();
                assertThat(parseCsv(body("/api/v1/conversations/export?" + q + "&figure=" + figure, "acme-mgr"))).hasSize(1);
            }
            assertThat(parseCsv(body("/api/v1/reports/agents/export?" + q, "acme-mgr"))).hasSize(1);
            if (filter.startsWith("queueId")) {
                // The older queue summary filters by queue only.
                assertThat(ok("/api/v1/queues/summary?" + q, "acme-mgr").get("queues")).isEmpty();
            }
        }
        // Unfiltered answers of acme hold none of globex's figures or names.
        List<String> unfiltered = new ArrayList<>(List.of("/api/v1/kpis/summary?" + BERLIN,
                "/api/v1/kpis/series?" + BERLIN + "&interval=day", "/api/v1/reports/agents?" + BERLIN,
                "/api/v1/reports/agents/export?" + BERLIN, "/api/v1/queues/summary?" + BERLIN,
                "/api/v1/kpis/summary?" + BERLIN + "&hours=business", "/api/v1/reports/agents?" + BERLIN + "&hours=business"));
        for (String figure : List.of("queue_wait", "first_response", "reply_time", "resolution_time", "handle_time", "csat")) {
            unfiltered.add("/api/v1/conversations?" + BERLIN + "&figure=" + figure + "&limit=1000");
            unfiltered.add("/api/v1/conversations/export?" + BERLIN + "&figure=" + figure);
        }
        for (int i = 0; i < ReportFixtures.TIMES.length; i++) {
            unfiltered.add("/api/v1/conversations/c-" + i + "/kpis");
        }
        for (String path : unfiltered) {
            String text = body(path, "acme-mgr");
            assertThat(text).as(path).doesNotContain("4242421", "secret", "g-1");
        }
        // And globex sees only its own.
        JsonNode globex = ok("/api/v1/kpis/summary?" + BERLIN, "globex-mgr").get("kpis");
        assertThat(globex.get("queueWait").get("count").asLong()).isEqualTo(7);
        assertThat(globex.get("queueWait").get("medianMs").asDouble()).isEqualTo(4_242_421);
        JsonNode globexAgents = ok("/api/v1/reports/agents?" + BERLIN, "globex-mgr").get("agents");
        assertThat(ids(globexAgents, "agentId")).containsExactly("a-1", "g-1");
        assertAgentTime(globexAgents.get(0), 4_242_421, 1.0, 1.0);
    }

    @Test
    void exportsNeedTheManagerRole() throws Exception {
        for (String path : List.of("/api/v1/reports/agents/export?" + BERLIN,
                "/api/v1/conversations/export?" + BERLIN + "&figure=csat")) {
            HttpResponse<String> denied = get(path, "acme-sup");
            assertProblem(denied, 403);
            JsonNode problem = json.readTree(denied.body());
            assertThat(problem.get("requiredRole").asString()).isEqualTo("manager");
            assertThat(problem.get("role").asString()).isEqualTo("supervisor");
            assertThat(get(path, "acme-mgr").statusCode()).isEqualTo(200);
            // The flat form key=tenant, like the default demo-key, is an admin key.
            assertThat(get(path, "acme-flat").statusCode()).isEqualTo(200);
            assertThat(get(path, "demo-key").statusCode()).isEqualTo(200);
            assertProblem(get(path, null), 401);
        }
        // A supervisor reads every history endpoint.
        for (String path : List.of("/api/v1/kpis/summary?" + BERLIN, "/api/v1/kpis/series?" + BERLIN + "&interval=day",
                "/api/v1/reports/agents?" + BERLIN, "/api/v1/conversations?" + BERLIN + "&figure=csat")) {
            assertThat(get(path, "acme-sup").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void everyExportOperationNeedsTheManagerRole() {
        Set<String> managerPaths = new TreeSet<>();
        requiredRoles.stream().filter(r -> r.role() == Role.MANAGER).forEach(r -> managerPaths.addAll(r.pathPatterns()));
        Set<String> exports = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1/") && p.endsWith("/export")).forEach(exports::add));
        assertThat(exports).hasSizeGreaterThanOrEqualTo(2);
        assertThat(managerPaths).containsAll(exports);
    }

    @Test
    void namesTheParameterAndReasonOfEveryBadRequest() throws Exception {
        assertBad("/api/v1/kpis/summary?" + BERLIN.replace("Europe/Berlin", "Mars/Olympus"), "timezone", "IANA");
        assertBad("/api/v1/kpis/summary?" + BERLIN.replace("Europe/Berlin", "%2B01:00"), "timezone", "IANA");
        assertBad("/api/v1/kpis/summary?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "after from");
        assertBad("/api/v1/kpis/summary?from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to", "at most 400 days");
        assertBad("/api/v1/kpis/summary?from=yesterday&to=2026-03-01T00:00:00Z", "from", "ISO-8601");
        assertBad("/api/v1/kpis/summary?" + BERLIN + "&channel=fax", "channel", "WEB");
        assertBad("/api/v1/kpis/by-contact-reason?" + BERLIN + "&contactReason=" + "r".repeat(201), "contactReason",
                "at most 200");
        assertBad("/api/v1/kpis/summary?" + BERLIN + "&contactReason=a%0Ab", "contactReason", "control characters");
        assertBad("/api/v1/kpis/summary?" + BERLIN + "&answerWithinSeconds=soon", "answerWithinSeconds", "whole number");
        assertBad("/api/v1/kpis/series?" + BERLIN, "interval", "is required");
        assertBad("/api/v1/kpis/series?" + BERLIN + "&interval=fortnight", "interval", "minute, hour, day or week");
        assertBad("/api/v1/kpis/series?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=minute", "interval",
                "more than 10000");
        assertBad("/api/v1/reports/agents?" + BERLIN + "&timezone=nowhere", "timezone", "IANA");
        assertBad("/api/v1/reports/agents/export?" + BERLIN + "&format=pdf", "format", "csv or xlsx");
        for (String path : List.of("/api/v1/kpis/summary?", "/api/v1/kpis/series?interval=day&", "/api/v1/reports/agents?",
                "/api/v1/reports/agents/export?")) {
            assertBad(path + BERLIN + "&hours=office", "hours", "must be business or all: 'office'");
        }
        assertBad("/api/v1/conversations?" + BERLIN, "figure", "is required");
        assertBad("/api/v1/conversations?" + BERLIN + "&figure=mood", "figure", "first_response");
        assertBad("/api/v1/conversations?" + BERLIN + "&figure=csat&limit=0", "limit", "between 1 and 1000");
        assertBad("/api/v1/conversations?" + BERLIN + "&figure=csat&offset=x", "offset", "whole number");
        assertBad("/api/v1/conversations?" + BERLIN + "&figure=csat&over=4&under=4", "under", "greater than over");
        assertBad("/api/v1/conversations/export?" + BERLIN + "&figure=csat&over=-3", "over", "negative");
    }

    @Test
    void documentsEveryEndpointInTheOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), response.body());
        JsonNode paths = json.readTree(response.body()).get("paths");
        Set<String> documented = new TreeSet<>(paths.propertyNames());
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    mapped.add(pattern);
                }
            }
        }
        assertThat(mapped).contains("/api/v1/kpis/summary", "/api/v1/kpis/series", "/api/v1/reports/agents",
                "/api/v1/reports/agents/export", "/api/v1/conversations", "/api/v1/conversations/export");
        assertThat(documented).containsAll(mapped);
        // The tenant is never a request parameter, and why a queue filter does not narrow online time is explained.
        assertThat(response.body()).doesNotContain("\"name\":\"tenant\"").contains("Online time belongs to no queue");
        for (String path : List.of("/api/v1/kpis/summary", "/api/v1/kpis/series", "/api/v1/reports/agents",
                "/api/v1/reports/agents/export")) {
            assertThat(paths.get(path).get("get").get("parameters").toString()).as(path)
                    .contains("\"name\":\"hours\"").contains("inside the business hours of each figure's queue");
        }
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static final List<String> COUNTS = List.of("queueWait.count", "service.answered", "service.answeredWithin",
            "service.abandoned", "service.shortAbandons", "firstResponse.count", "replyTime.count",
            "resolutionTime.count", "handleTime.count", "volume.opened", "volume.messagesIn", "volume.messagesOutAgent",
            "volume.messagesOutBot", "volume.resolutions", "volume.reopens", "quality.ratings", "quality.satisfied",
            "quality.negative", "quality.surveysOffered");

    private static void assertCountsAddUp(JsonNode summary, JsonNode buckets) {
        for (String count : COUNTS) {
            String[] path = count.split("\\.");
            long total = 0;
            for (JsonNode bucket : buckets) {
                total += bucket.get("kpis").get(path[0]).get(path[1]).asLong();
            }
            assertThat(total).as(count).isEqualTo(summary.get(path[0]).get(path[1]).asLong());
        }
        assertThat(summary.get("queueWait").get("count").asLong()).isEqualTo(7);
    }

    private void assertBad(String path, String parameter, String reason) throws Exception {
        HttpResponse<String> response = get(path, "acme-mgr");
        assertProblem(response, 400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.get("reason").asString()).as(path).contains(reason);
    }

    private static List<String> ids(JsonNode items) {
        return ids(items, "conversationId");
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

    private JsonNode ok(String path, String key) throws Exception {
        HttpResponse<String> response = get(path, key);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String body(String path, String key) throws Exception {
        HttpResponse<String> response = get(path, key);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(request(path, key), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path, String key) throws Exception {
        return http.send(request(path, key), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return request.build();
    }

    /** A CSV reader for these files: no field of the fixtures holds a quote, comma or line break. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split(",", -1)) {
                cells.add(normalize(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> readXlsx(byte[] file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(Double.toString(cell.getNumericCellValue()));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
