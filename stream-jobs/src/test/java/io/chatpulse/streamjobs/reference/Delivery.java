package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order the job receives the day's events in, disturbed only where the job says it copes or says
 * what it does instead. In order ({@link #inOrder}): each conversation's events stay in their order
 * (Kafka keeps a key's records in order), conversations are interleaved up to {@link #JITTER_MS} out
 * of event-time order, some events come twice (a producer retry or a redelivery: the same event id,
 * seconds later), and in every {@link #LATE_EVERY}th conversation one customer message comes after
 * the event that followed it (late: the job dead-letters it). Reordered ({@link #reordered}): every
 * event up to a window late, its own conversation's events too (a job with that reorder window puts
 * them back in order) except those of one time, which no window can tell apart, and the same repeats.
 */
final class Delivery {

    static final long JITTER_MS = 5_000;
    static final double REPEATED = 0.03;
    static final int LATE_EVERY = 40;

    private Delivery() {
    }

    private record Arrival(double at, int sequence, ConversationEvent event) {
    }

    static List<ConversationEvent> inOrder(List<List<ConversationEvent>> conversations, Random random) {
        List<Arrival> arrivals = new ArrayList<>();
        for (int c = 0; c < conversations.size(); c++) {
            List<ConversationEvent> conversation = conversations.get(c);
            int late = c % LATE_EVERY == 0 ? lateMessage(conversation) : -1;
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < conversation.size(); i++) {
                ConversationEvent event = conversation.get(i);
                double at = Math.max(previous, event.getEventTime() + random.nextDouble() * JITTER_MS);
                previous = at;
                if (i == late + 1) {
                    at = Math.max(at, arrivals.get(arrivals.size() - 1).at());
                    previous = at;
                    Arrival message = arrivals.remove(arrivals.size() - 1);
                    arrivals.add(new Arrival(at, arrivals.size(), event));
                    arrivals.add(new Arrival(at, arrivals.size(), message.event()));
                } else {
                    arrivals.add(new Arrival(at, arrivals.size(), event));
                }
                if (i != late && random.nextDouble() < REPEATED) {
                    arrivals.add(new Arrival(at + 1 + random.nextInt(10_000), arrivals.size(), event));
                }
            }
        }
        return sorted(arrivals);
    }

    static List<ConversationEvent> reordered(List<List<ConversationEvent>> conversations, Random random,
                                             long windowMs) {
        List<Arrival> arrivals = new ArrayList<>();
        for (List<ConversationEvent> conversation : conversations) {
            Arrival previous = null;
            for (ConversationEvent event : conversation) {
                double at = event.getEventTime() + random.nextDouble() * windowMs;
                if (previous != null && previous.event().getEventTime() == event.getEventTime()) {
                    at = Math.max(at, previous.at());
                }
                previous = new Arrival(at, arrivals.size(), event);
                arrivals.add(previous);
                if (random.nextDouble() < REPEATED) {
                    arrivals.add(new Arrival(at + 1 + random.nextInt(10_000), arrivals.size(), event));
                }
            }
        }
        return sorted(arrivals);
    }

    /** The first customer message that has an event after it, later than it; -1 if none. */
    private static int lateMessage(List<ConversationEvent> conversation) {
        for (int i = 0; i + 1 < conversation.size(); i++) {
            if (conversation.get(i).getPayload() instanceof MessagePosted m && m.getSender() == SenderKind.CUSTOMER
                    && conversation.get(i + 1).getEventTime() > conversation.get(i).getEventTime()) {
                return i;
            }
        }
        return -1;
    }

    private static List<ConversationEvent> sorted(List<Arrival> arrivals) {
        arrivals.sort(Comparator.comparingDouble(Arrival::at).thenComparingInt(Arrival::sequence));
        return arrivals.stream().map(Arrival::event).toList();
    }
}
