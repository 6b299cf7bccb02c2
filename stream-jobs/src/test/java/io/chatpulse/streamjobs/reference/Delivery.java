package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.ConversationEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order the job receives the day's events in, disturbed only where the job says it copes: each
 * conversation's events stay in their order (Kafka keeps a key's records in order), conversations are
 * interleaved up to {@link #JITTER_MS} out of event-time order, and some events come twice (a producer
 * retry or a redelivery: the same event id, seconds later).
 */
final class Delivery {

    static final long JITTER_MS = 5_000;
    static final double REPEATED = 0.03;

    private Delivery() {
    }

    private record Arrival(long at, int sequence, ConversationEvent event) {
    }

    static List<ConversationEvent> of(List<List<ConversationEvent>> conversations, Random random) {
        List<Arrival> arrivals = new ArrayList<>();
        for (List<ConversationEvent> conversation : conversations) {
            long previous = Long.MIN_VALUE;
            for (ConversationEvent event : conversation) {
                long at = Math.max(previous, event.getEventTime() + (long) (random.nextDouble() * JITTER_MS));
                previous = at;
                arrivals.add(new Arrival(at, arrivals.size(), event));
                if (random.nextDouble() < REPEATED) {
                    arrivals.add(new Arrival(at + 1 + random.nextInt(10_000), arrivals.size(), event));
                }
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::sequence));
        return arrivals.stream().map(Arrival::event).toList();
    }
}
