package io.chatpulse.metrics.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSummaryServiceTest {

    @Test
    void combinesBothViewsPerQueueAndFillsTheMissingSideWithAnEmptyDistribution() {
        SummaryPeriod period = new SummaryPeriod(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        Distribution wait = new Distribution(2, 10.0, 19.0, 19.9, 15.0);
        Distribution frt = new Distribution(1, 5.0, 5.0, 5.0, 5.0);

        QueueSummary summary = QueueSummaryService.combine(period,
                Map.of("sales", wait, "billing", wait), Map.of("billing", frt, "support", frt));

        assertThat(summary.from()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(summary.to()).isEqualTo("2026-01-02T00:00:00.000Z");
        assertThat(summary.queues()).containsExactly(
                new QueueSummary.Queue("billing", wait, frt),
                new QueueSummary.Queue("sales", wait, Distribution.EMPTY),
                new QueueSummary.Queue("support", Distribution.EMPTY, frt));
    }
}
