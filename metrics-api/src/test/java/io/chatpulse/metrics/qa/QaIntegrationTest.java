package io.chatpulse.metrics.qa;

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
 * Automatic QA over real HTTP against a real ClickHouse engine: rows of qa_scores and qa_checks as
 * the KPI job writes them (c1's revision 0, the survey not yet offered, then its revision 1; c2
 * written twice, as a replay does), read through the QA views of R__views.sql into the agent report, its export and
 * the drill-down from a check. Monday 2026-04-06.
 */
@LiveAppTest
class QaIntegrationTest {

    private static final String DAY = "from=2026-04-06T00:00:00Z&to=2026-04-07T00:00:00Z";

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
        String scores = "INSERT INTO qa_scores (tenant_id, queue_id, conversation_id, agent_id, ended_at, ending, score,"
                + " passed_weight, applicable_weight, scorecard_version, revision) VALUES ";
        String checks = "INSERT INTO qa_checks (tenant_id, queue_id, conversation_id, agent_id, ended_at, check_name,"
                + " outcome, weight, event_id, at, scorecard_version, revision) VALUES ";
        try (Connection c = DriverManager.getConnection(SharedClickHouse.get().jdbcUrl(), "default", "");
             Statement s = c.createStatement()) {
            s.execute(scores + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'resolved', 50, 1, 2, 3, 0),"
                    + "('northwind', 'sales', 'c2', 'a-1', '2026-04-06 10:00:00', 'resolved', 50, 1, 2, 3, 0),"
                    + "('northwind', 'support', 'c3', 'a-2', '2026-04-06 11:00:00', 'abandoned', 0, 0, 1, 3, 0),"
                    + "('initech', 'sales', 'c9', 'a-1', '2026-04-06 09:30:00', 'resolved', 0, 0, 1, 1, 0)");
            s.execute(checks + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'greeting', 'pass', 1, '', '2026-04-06 09:00:00', 3, 0),"
                    + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'survey_offered', 'fail', 1, '', '2026-04-06 09:00:00', 3, 0),"
                    + "('northwind', 'sales', 'c2', 'a-1', '2026-04-06 10:00:00', 'greeting', 'fail', 1, 'e7', '2026-04-06 09:55:00', 3, 0),"
                    + "('northwind', 'sales', 'c2', 'a-1', '2026-04-06 10:00:00', 'survey_offered', 'pass', 1, '', '2026-04-06 10:00:00', 3, 0),"
                    + "('northwind', 'support', 'c3', 'a-2', '2026-04-06 11:00:00', 'greeting', 'fail', 1, 'e9', '2026-04-06 10:58:00', 3, 0),"
                    + "('northwind', 'support', 'c3', 'a-2', '2026-04-06 11:00:00', 'survey_offered', 'not_applicable', 1, '', '2026-04-06 11:00:00', 3, 0),"
                    + "('initech', 'sales', 'c9', 'a-1', '2026-04-06 09:30:00', 'greeting', 'fail', 1, 'e1', '2026-04-06 09:29:00', 1, 0)");
            // The survey offered right after c1's resolution: revision 1 replaces revision 0.
            s.execute(scores + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'resolved', 100, 2, 2, 3, 1)");
            s.execute(checks + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'greeting', 'pass', 1, '', '2026-04-06 09:00:00', 3, 1),"
                    + "('northwind', 'sales', 'c1', 'a-1', '2026-04-06 09:00:00', 'survey_offered', 'pass', 1, '', '2026-04-06 09:00:00', 3, 1)");
            // A replay writes c2 again: counted once.
            s.execute(scores + "('northwind', 'sales', 'c2', 'a-1', '2026-04-06 10:00:00', 'resolved', 50, 1, 2, 3, 0)");
            s.execute(checks + "('northwind', 'sales', 'c2', 'a-1', '2026-04-06 10:00:00', 'greeting', 'fail', 1, 'e7', '2026-04-06 09:55:00', 3, 0)");
        }
    }

    @Test
    void theAgentReportHasEachAgentsMeanScoreAndFailuresPerCheck() throws Exception {
        JsonNode agents = ok("/api/v1/reports/agents?" + DAY, "nw-sup").get("agents");
        assertThat(qa(agents, "a-1")).isEqualTo("2 75.0 greeting 2/1 forbidden_phrases 0/0 closing 0/0 reply_time 0/0"
                + " transfers 0/0 survey_offered 2/0");
        assertThat(qa(agents, "a-2")).isEqualTo("1 0.0 greeting 1/1 forbidden_phrases 0/0 closing 0/0 reply_time 0/0"
                + " transfers 0/0 survey_offered 0/0");
        assertThat(qa(ok("/api/v1/reports/agents?" + DAY + "&queueId=support", "nw-sup").get("agents"), "a-2"))
                .startsWith("1 0.0 greeting 1/1");
        assertThat(qa(ok("/api/v1/reports/agents?" + DAY, "in-sup").get("agents"), "a-1")).startsWith("1 0.0 greeting 1/1");
    }

    @Test
    void theAgentReportExportHasTheQaColumns() throws Exception {
        HttpResponse<String> csv = get("/api/v1/reports/agents/export?" + DAY + "&format=csv", "nw-mgr");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> header = List.of(csv.body().lines().findFirst().orElseThrow().split(","));
        String a1 = csv.body().lines().filter(line -> line.startsWith("a-1,")).findFirst().orElseThrow();
        List<String> cells = List.of(a1.split(",", -1));
        int qa = header.indexOf("qa_scored");
        assertThat(header.subList(qa, qa + 4))
                .containsExactly("qa_scored", "qa_mean_score", "qa_greeting_applicable", "qa_greeting_failures");
        assertThat(cells.subList(qa, qa + 4)).containsExactly("2", "75.0", "2", "1");
        assertThat(header.get(header.size() - 1)).isEqualTo("qa_survey_offered_failures");
    }

    @Test
    void theDrillDownListsTheConversationsThatFailedACheckNewestFirst() throws Exception {
        JsonNode page = ok("/api/v1/qa/failures?" + DAY + "&check=greeting", "nw-sup");
        assertThat(page.get("check").asString()).isEqualTo("greeting");
        assertThat(items(page)).containsExactly("c3 a-2 support 2026-04-06T11:00:00.000Z 0.0 e9 2026-04-06T10:58:00.000Z",
                "c2 a-1 sales 2026-04-06T10:00:00.000Z 50.0 e7 2026-04-06T09:55:00.000Z");
        assertThat(page.get("nextOffset").isNull()).isTrue();
        JsonNode first = ok("/api/v1/qa/failures?" + DAY + "&check=greeting&limit=1", "nw-sup");
        assertThat(items(first)).hasSize(1);
        assertThat(first.get("nextOffset").asLong()).isEqualTo(1);
        assertThat(items(ok("/api/v1/qa/failures?" + DAY + "&check=greeting&limit=1&offset=1", "nw-sup")))
                .containsExactly("c2 a-1 sales 2026-04-06T10:00:00.000Z 50.0 e7 2026-04-06T09:55:00.000Z");
        assertThat(items(ok("/api/v1/qa/failures?" + DAY + "&check=greeting&agentId=a-1", "nw-sup"))).hasSize(1);
        assertThat(items(ok("/api/v1/qa/failures?" + DAY + "&check=survey_offered", "nw-sup")))
                .as("c1's survey failure replaced by revision 1").isEmpty();
        assertThat(items(ok("/api/v1/qa/failures?" + DAY + "&check=greeting", "in-sup")))
                .containsExactly("c9 a-1 sales 2026-04-06T09:30:00.000Z 0.0 e1 2026-04-06T09:29:00.000Z");
    }

    @Test
    void theDrillDownExportsForAManagerOnly() throws Exception {
        HttpResponse<String> csv = get("/api/v1/qa/failures/export?" + DAY + "&check=greeting&timezone=Asia/Shanghai",
                "nw-mgr");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("chatpulse_northwind_qa-failures-greeting_2026-04-06T0800_2026-04-07T0800_Asia-Shanghai.csv");
        assertThat(csv.body().lines()).containsExactly("conversation_id,agent_id,queue_id,ended_at,score,failed_event_id,failed_at",
                "c3,a-2,support,2026-04-06T19:00:00+08:00,0.0,e9,2026-04-06T18:58:00+08:00",
                "c2,a-1,sales,2026-04-06T18:00:00+08:00,50.0,e7,2026-04-06T17:55:00+08:00");
        assertThat(get("/api/v1/qa/failures/export?" + DAY + "&check=greeting", "nw-sup").statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingOrUnknownCheckIsNamedInA400() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/qa/failures?" + DAY + "&check=smile", "nw-sup");
        assertProblem(unknown, 400);
        assertThat(unknown.body()).contains("check").contains("greeting, forbidden_phrases");
        HttpResponse<String> missing = get("/api/v1/qa/failures?" + DAY, "nw-sup");
        assertProblem(missing, 400);
        assertThat(missing.body()).contains("check");
        assertProblem(get("/api/v1/qa/failures?" + DAY + "&check=greeting&limit=0", "nw-sup"), 400);
    }

    private static String qa(JsonNode agents, String agentId) {
        for (JsonNode agent : agents) {
            if (agent.get("agentId").asString().equals(agentId)) {
                JsonNode qa = agent.get("qa");
                StringBuilder text = new StringBuilder(qa.get("scored").asLong() + " " + qa.get("meanScore").asDouble());
                for (JsonNode check : qa.get("checks")) {
                    text.append(' ').append(check.get("check").asString()).append(' ')
                            .append(check.get("applicable").asLong()).append('/').append(check.get("failures").asLong());
                }
                return text.toString();
            }
        }
        throw new AssertionError("no agent " + agentId + " in " + agents);
    }

    private static List<String> items(JsonNode page) {
        List<String> items = new ArrayList<>();
        for (JsonNode i : page.get("items")) {
            items.add(String.join(" ", i.get("conversationId").asString(), i.get("agentId").asString(),
                    i.get("queueId").asString(), i.get("endedAt").asString(), String.valueOf(i.get("score").asDouble()),
                    i.get("eventId").asString(), i.get("at").asString()));
        }
        return items;
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
