package io.chatpulse.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.qa.AgentQa;
import io.chatpulse.metrics.qa.QaChecks;
import io.chatpulse.metrics.queue.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentReportTableTest {

    @Test
    void writesAgentTimeAndQaUnderTheirOwnColumnsInTheOrderOfTheJson() {
        AgentReport.Agent agent = new AgentReport.Agent("a-1", 2, 1, Distribution.EMPTY, Distribution.EMPTY,
                Distribution.EMPTY, 240_000, 0.625, null, new AgentReport.Csat(0, null, null, null),
                new AgentQa(2, 75.0, QaChecks.NAMES.stream()
                        .map(check -> new AgentQa.CheckFailures(check, 2, check.equals("greeting") ? 1 : 0)).toList()));

        List<Object> row = AgentReportTable.row(agent);

        assertThat(row).hasSameSizeAs(AgentReportTable.HEADER);
        int online = AgentReportTable.HEADER.indexOf("online_ms");
        assertThat(AgentReportTable.HEADER.subList(online, online + 3))
                .containsExactly("online_ms", "occupancy", "average_concurrency");
        assertThat(row.subList(online, online + 3)).containsExactly(240_000L, 0.625, null);
        int qa = AgentReportTable.HEADER.indexOf("qa_scored");
        assertThat(AgentReportTable.HEADER.subList(qa, qa + 4))
                .containsExactly("qa_scored", "qa_mean_score", "qa_greeting_applicable", "qa_greeting_failures");
        assertThat(row.subList(qa, qa + 4)).containsExactly(2L, 75.0, 2L, 1L);
    }
}
