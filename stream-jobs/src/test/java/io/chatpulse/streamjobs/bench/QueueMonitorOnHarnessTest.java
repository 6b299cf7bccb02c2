package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.bench.QueueMonitorOnHarness.Figures;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueMonitorOnHarnessTest {

    @Test
    void anEventCostsTheWallTimeLessOneMedianTickASecondOverTheEvents() {
        // 10,000 events over 100 s of event time in 2 s; ticks of 1, 2 and 10 ms: the median 2 ms.
        Figures figures = new Figures(500, 2_000, 10_000, 100_000, 2_000_000_000L, 50_000,
                List.of(1_000_000L, 2_000_000L, 10_000_000L), List.of(100.0, 300.0));

        assertThat(figures.eventsPerSecond()).isEqualTo(5_000);
        assertThat(figures.tickMillis(0.5)).isEqualTo(2.0);
        assertThat(figures.tickMillis(1.0)).isEqualTo(10.0);
        assertThat(figures.microsPerEvent()).isEqualTo(180.0); // (2 s - 100 × 2 ms) / 10,000
        assertThat(figures.sustainableEventsPerSecond()).isCloseTo(5_544, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void measuresATinyTenantOnTheRealMonitor() throws Exception {
        Figures figures = QueueMonitorOnHarness.measure(3, 1, 5, 30_000, 3);

        assertThat(figures.events()).isGreaterThan(50);
        assertThat(figures.rows()).as("a row per queue every second while live").isGreaterThanOrEqualTo(3 * 25);
        assertThat(figures.tickNanos()).hasSize(3);
        assertThat(QueueMonitorOnHarness.line(figures)).contains("3 queues, 3 agents");
        assertThat(QueueMonitorOnHarness.table(List.of(figures))).contains("|      3 |      3 |");
    }
}
