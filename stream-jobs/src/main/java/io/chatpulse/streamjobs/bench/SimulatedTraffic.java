package io.chatpulse.streamjobs.bench;

import io.chatpulse.events.ConversationEvent;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * An endless stream of {@link SimulatedConversation}s in event-time order, as the topic holds them:
 * one conversation opens every {@code openEveryMs} of event time on average (spread over the tenants,
 * 4 queues and 40 agents each unless given), so hundreds are open at once and their events interleave.
 */
final class SimulatedTraffic implements Iterator<ConversationEvent> {

    private static final String[] QUEUES = {"sales", "billing", "tech", "returns"};
    private static final int AGENTS_PER_TENANT = 40;

    private record Next(List<ConversationEvent> events, int index) {
        long at() {
            return events.get(index).getEventTime();
        }
    }

    private final PriorityQueue<Next> open = new PriorityQueue<>(Comparator.comparingLong(Next::at));
    private final Random random;
    private final String tenantPrefix;
    private final int tenants;
    private final long openEveryMs;
    private final String[] queues;
    private final int agentsPerTenant;
    private long nextOpening;

    /** Tenants are named {@code <tenantPrefix>-0 .. <tenantPrefix>-<tenants - 1>}. */
    SimulatedTraffic(long seed, String tenantPrefix, int tenants, long startAt, long openEveryMs) {
        this(seed, tenantPrefix, tenants, startAt, openEveryMs, QUEUES, AGENTS_PER_TENANT);
    }

    /** As above, each tenant with these queues (a conversation's drawn evenly) and agents {@code agent-0..}. */
    SimulatedTraffic(long seed, String tenantPrefix, int tenants, long startAt, long openEveryMs, String[] queues,
                     int agentsPerTenant) {
        this.random = new Random(seed);
        this.tenantPrefix = tenantPrefix;
        this.tenants = tenants;
        this.openEveryMs = openEveryMs;
        this.queues = queues.clone();
        this.agentsPerTenant = agentsPerTenant;
        this.nextOpening = startAt;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public ConversationEvent next() {
        while (open.isEmpty() || nextOpening <= open.peek().at()) {
            String tenant = tenantPrefix + "-" + random.nextInt(tenants);
            open.add(new Next(SimulatedConversation.script(random, tenant, queues[random.nextInt(queues.length)],
                    agentsPerTenant, nextOpening), 0));
            nextOpening += 1 + random.nextLong(2 * openEveryMs);
        }
        Next next = open.poll();
        if (next.index() + 1 < next.events().size()) {
            open.add(new Next(next.events(), next.index() + 1));
        }
        return next.events().get(next.index());
    }
}
