package io.chatpulse.localstack;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What {@code up} prints once the embedded stack runs: every place a person looks, as an address
 * to open or a command to paste. Plain text from the settings, so a test can read it.
 */
final class WhereToLook {

    private WhereToLook() {
    }

    /** {@code jobWebPorts}: each Flink job's MiniCluster REST port (which also serves its web UI), by job. */
    static String embedded(StackSettings s, Map<String, Integer> jobWebPorts, LocalDate today, boolean demoChannel) {
        String key = s.apiKey();
        String metrics = "http://127.0.0.1:" + s.metricsApiPort();
        String alerting = "http://127.0.0.1:" + s.alertingPort();
        String period = "from=" + today.atStartOfDay().toInstant(ZoneOffset.UTC) + "&to="
                + today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String curl = "curl -s -H 'X-Api-Key: " + key + "' ";
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nchatpulse is running. Where to look (API key %s, sent as the header X-Api-Key):%n",
                key));
        line(out, "wallboard", metrics + "/wallboard?key=" + key + "   (live queues, agents, open alerts)");
        line(out, "Swagger UI", metrics + "/swagger-ui/index.html   (metrics-api; Authorize with the key)");
        line(out, "KPI summary", curl + "'" + metrics + "/api/v1/kpis/summary?" + period + "'");
        line(out, "agent report", curl + "-o agents.csv '" + metrics + "/api/v1/reports/agents/export?format=csv&"
                + period + "'");
        line(out, "incidents", curl + alerting + "/api/v1/alerts");
        line(out, "deliveries", curl + alerting + "/api/v1/alerts/deliveries");
        if (demoChannel) {
            line(out, "pages", DemoChannel.file(s.logDir())
                    + "   (the demo tenant's pages; each one also here as it arrives)");
        }
        line(out, "chat-core", curl + "http://127.0.0.1:" + s.chatCorePort() + "/api/v1/queues");
        jobWebPorts.forEach((job, port) -> line(out, "Flink " + job,
                "http://127.0.0.1:" + port + "/   (web UI of the job's MiniCluster)"));
        line(out, "ClickHouse", "http://127.0.0.1:" + s.clickHousePort() + "/play   (SQL in the browser)");
        line(out, "Kafka", "127.0.0.1:" + s.kafkaPort());
        line(out, "logs", s.logDir() + "   (one file per component)");
        line(out, "simulator", s.simulatorRate() > 0
                ? s.simulatorRate() + " conversations/minute, " + s.simulatorAgents() + " agents in shifts (log: "
                        + s.logDir().resolve("simulator.log") + ")"
                : "off");
        out.append(String.format("Ctrl-C stops all of it.%n"));
        return out.toString();
    }

    private static void line(StringBuilder out, String what, String where) {
        out.append(String.format("  %-19s %s%n", what, where));
    }
}
