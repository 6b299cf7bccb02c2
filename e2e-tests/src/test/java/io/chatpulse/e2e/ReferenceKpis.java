package io.chatpulse.e2e;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The test's own reading of metrics.md, from a conversation's events as Kafka holds them:
 * independent of the stream job's code, for the simple scripted conversations of the test.
 */
public final class ReferenceKpis {

    private ReferenceKpis() {
    }

    /**
     * Queue wait per episode: queued until the first assignment after it, or until the customer
     * abandoned (metrics.md: an abandoned wait is a wait too, counted as abandoned).
     */
    public static List<Long> queueWaits(List<ConversationEvent> events) {
        List<Long> waits = new ArrayList<>();
        Long queuedAt = null;
        for (ConversationEvent e : events) {
            if (e.getPayload() instanceof ConversationQueued) {
                queuedAt = e.getEventTime();
            } else if ((e.getPayload() instanceof AgentAssigned || e.getPayload() instanceof ConversationAbandoned)
                    && queuedAt != null) {
                waits.add(e.getEventTime() - queuedAt);
                queuedAt = null;
            }
        }
        return waits;
    }

    /** First response: open until the first human agent message; bot messages do not count. */
    public static OptionalLong firstResponse(List<ConversationEvent> events) {
        Long openedAt = null;
        for (ConversationEvent e : events) {
            if (e.getPayload() instanceof ConversationOpened) {
                openedAt = e.getEventTime();
            } else if (e.getPayload() instanceof MessagePosted m && m.getSender() == SenderKind.AGENT && openedAt != null) {
                return OptionalLong.of(e.getEventTime() - openedAt);
            }
        }
        return OptionalLong.empty();
    }

    /** Exact quantile with linear interpolation between closest ranks (Excel PERCENTILE.INC). */
    static double quantile(List<Long> values, double level) {
        double[] sorted = values.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        double rank = level * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    static double median(Long... values) {
        return quantile(Arrays.asList(values), 0.5);
    }
}
