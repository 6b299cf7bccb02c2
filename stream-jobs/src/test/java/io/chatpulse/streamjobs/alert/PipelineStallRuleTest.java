package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PipelineStallRuleTest {

    private static final long STALL = 60_000;
    private final PipelineProgress progress = new PipelineProgress();

    @Test
    void firesWhenTheStoredFiguresStandStillFor60sWhileEventsFlowAndResolvesWhenTheyMove() {
        PipelineStallRule.seen(progress, 1_000, 0);
        assertThat(PipelineStallRule.check(progress, 5_000, OptionalLong.of(1_000), STALL).change()).isEmpty();
        // Events keep coming; the KPI job stores nothing more.
        for (long now = 10_000; now < 65_000; now += 5_000) {
            PipelineStallRule.seen(progress, now, now);
            assertThat(PipelineStallRule.check(progress, now, OptionalLong.of(1_000), STALL).change()).isEmpty();
        }
        PipelineStallRule.seen(progress, 65_000, 65_000);
        PipelineStallRule.Evaluation stalled = PipelineStallRule.check(progress, 65_000, OptionalLong.of(1_000), STALL);
        assertThat(stalled.change()).contains(new AlertChange(AlertChange.Kind.FIRING, 65_000, 65_000));
        assertThat(stalled.stalledForMs()).isEqualTo(60_000);

        assertThat(PipelineStallRule.check(progress, 70_000, OptionalLong.of(40_000), STALL).change())
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, 70_000, 65_000));
    }

    @Test
    void aQuietTenantIsNotStalled() {
        PipelineStallRule.seen(progress, 1_000, 0);
        PipelineStallRule.check(progress, 0, OptionalLong.of(1_000), STALL);
        assertThat(PipelineStallRule.check(progress, 120_000, OptionalLong.of(1_000), STALL).change())
                .as("nothing new to store").isEmpty();
    }

    @Test
    void anUnreadableClickHouseCountsAsNoProgress() {
        PipelineStallRule.seen(progress, 1_000, 0);
        PipelineStallRule.check(progress, 0, OptionalLong.empty(), STALL);
        PipelineStallRule.seen(progress, 59_000, 59_000);
        assertThat(PipelineStallRule.check(progress, 60_000, OptionalLong.empty(), STALL).change()).isPresent();
    }
}
