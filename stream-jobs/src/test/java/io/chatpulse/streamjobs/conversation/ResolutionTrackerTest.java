package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionTrackerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void everyResolutionCountsFromTheOpenOrReopenBeforeIt() {
        List<Resolution> resolutions = run(
                c.opened(T0, "billing"),
                c.assigned(T0 + 1_000, "agent-7"),
                c.resolved(T0 + 300_000, "agent-7"),
                c.reopened(T0 + 400_000),
                c.queued(T0 + 400_000, "billing", QueueReason.REOPEN),
                c.assigned(T0 + 410_000, "agent-8"),
                c.resolved(T0 + 460_000, "agent-8"));

        assertThat(resolutions).containsExactly(
                new Resolution("acme", "billing", "conv-1", "agent-7", "agent", T0, T0 + 300_000, 300_000, false, 300_000),
                new Resolution("acme", "billing", "conv-1", "agent-8", "agent", T0 + 400_000, T0 + 460_000, 60_000, true, 60_000));
    }

    @Test
    void aBotResolutionHasNoAgent() {
        assertThat(run(c.opened(T0, null), c.resolved(T0 + 20_000, null)))
                .containsExactly(new Resolution("acme", "", "conv-1", "", "system", T0, T0 + 20_000, 20_000, false, 20_000));
    }

    @Test
    void anAbandonedConversationHasNoResolution() {
        assertThat(run(
                c.opened(T0, "billing"),
                c.abandoned(T0 + 5_000, "billing"),
                c.resolved(T0 + 6_000, null))).isEmpty();
    }

    @Test
    void aResolutionOverTwoNightsCountsOnlyTheBusinessHours() {
        // Monday 15:00 to Wednesday 10:30 in billing: 2 h + 8 h + 1.5 h.
        long opened = Trackers.berlin("2026-11-23T15:00");
        long resolved = Trackers.berlin("2026-11-25T10:30");
        List<Resolution> resolutions = Trackers.run(new ResolutionState(),
                new ResolutionTracker(Trackers.OFFICE_HOURS)::apply,
                c.opened(opened, "billing"), c.resolved(resolved, "agent-7"));

        assertThat(resolutions).extracting(Resolution::resolutionMs, Resolution::resolutionBusinessMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(resolved - opened, 11 * 3_600_000L + 30 * 60_000L));
    }

    private List<Resolution> run(ConversationEvent... events) {
        return Trackers.run(new ResolutionState(), new ResolutionTracker(BusinessCalendars.NONE)::apply, events);
    }
}
