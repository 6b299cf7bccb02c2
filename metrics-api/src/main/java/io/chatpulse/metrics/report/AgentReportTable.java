package io.chatpulse.metrics.report;

import io.chatpulse.metrics.qa.AgentQa;
import io.chatpulse.metrics.qa.QaChecks;
import io.chatpulse.metrics.queue.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The columns of the agent report export, in the order of the JSON report. */
final class AgentReportTable {

    static final List<String> HEADER = List.copyOf(header());

    private AgentReportTable() {
    }

    private static List<String> header() {
        List<String> names = new ArrayList<>(List.of("agent_id", "handled", "resolutions"));
        for (String figure : List.of("first_response", "reply_time", "handle_time")) {
            names.addAll(Arrays.asList(figure + "_count", figure + "_median_ms", figure + "_p90_ms",
                    figure + "_p99_ms", figure + "_mean_ms"));
        }
        names.addAll(List.of("online_ms", "occupancy", "average_concurrency", "csat_ratings", "csat", "average_rating", "negative_rate"));
        names.addAll(List.of("qa_scored", "qa_mean_score"));
        for (String check : QaChecks.NAMES) {
            names.addAll(List.of("qa_" + check + "_applicable", "qa_" + check + "_failures"));
        }
        return names;
    }

    static List<Object> row(AgentReport.Agent agent) {
        List<Object> cells = new ArrayList<>(List.of(agent.agentId(), agent.handled(), agent.resolutions()));
        for (Distribution d : List.of(agent.firstResponse(), agent.replyTime(), agent.handleTime())) {
            cells.addAll(Arrays.asList(d.count(), d.medianMs(), d.p90Ms(), d.p99Ms(), d.meanMs()));
        }
        cells.addAll(Arrays.asList(agent.onlineMs(), agent.occupancy(), agent.averageConcurrency(),
                agent.csat().ratings(), agent.csat().csat(), agent.csat().averageRating(), agent.csat().negativeRate()));
        cells.addAll(Arrays.asList(agent.qa().scored(), agent.qa().meanScore()));
        for (AgentQa.CheckFailures check : agent.qa().checks()) {
            cells.addAll(List.of(check.applicable(), check.failures()));
        }
        return cells;
    }
}
