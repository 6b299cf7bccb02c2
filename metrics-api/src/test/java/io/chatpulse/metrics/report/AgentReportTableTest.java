package io.chatpulse.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.queue.Distribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentReportTableTest {

    @Test
    void writesAgentTimeUnderItsOwnColumnsInTheOrderOfTheJson() {
        AgentReport.Agent agent = new AgentReport.Agent("a-1", 2, 1, Distribution.EMPTY, Distribution.EMPTY,
                Distribution.EMPTY, 240_000, 0.625, null, new AgentReport.Csat(0, null, null, null));

        List<Object> row = AgentReportTable.row(agent);

        assertThat(row).hasSameSizeAs(AgentReportTable.HEADER);
        int online = AgentReportTable.HEADER.indexOf("online_ms");
        assertThat(AgentReportTable.HEADER.subList(online, online + 3))
                .containsExactly("online_ms", "occupancy", "average_concurrency");
        assertThat(row.subList(online, online + 3)).containsExactly(240_000L, 0.625, null);
    }
}
