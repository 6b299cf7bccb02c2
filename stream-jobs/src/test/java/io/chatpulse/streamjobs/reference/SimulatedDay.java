package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ConversationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A day of one tenant's conversations, the same for the same seed: two queues, five agents, bot-first
 * conversations handed off or resolved by the bot, waits answered or abandoned (some in under 5 s, some
 * exactly at the 30 s and 5 s limits), transfers to an agent and to a queue, hand-backs, resolutions,
 * surveys and ratings, reopens by the customer or an agent. Conversations open from an hour before the
 * day: some begin the day before, some end the day after.
 */
public final class SimulatedDay {

    public static final String TENANT = "simday";
    public static final List<String> QUEUES = List.of("support", "billing");
    public static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3", "agent-4", "agent-5");
    public static final long DAY_MS = 86_400_000L;
    private static final long HOUR_MS = 3_600_000L;

    private static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.SOCIAL, Channel.API};
    private static final int[] RATINGS = {1, 2, 3, 3, 4, 4, 4, 5, 5, 5};

    private final Random random;
    private final long dayStart;

    private SimulatedDay(long seed, long dayStart) {
        this.random = new Random(seed);
        this.dayStart = dayStart;
    }

    /** The day's events as the job receives them, each conversation's in order (see {@link Delivery#inOrder}). */
    public static List<ConversationEvent> delivered(long seed, long dayStart, int conversations) {
        SimulatedDay day = new SimulatedDay(seed, dayStart);
        return Delivery.inOrder(day.conversations(conversations), day.random);
    }

    /** The day's events each up to {@code windowMs} late, in its own conversation too (see {@link Delivery#reordered}). */
    public static List<ConversationEvent> reordered(long seed, long dayStart, int conversations, long windowMs) {
        SimulatedDay day = new SimulatedDay(seed, dayStart);
        return Delivery.reordered(day.conversations(conversations), day.random, windowMs);
    }

    private List<List<ConversationEvent>> conversations(int count) {
        List<List<ConversationEvent>> all = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            all.add(conversation(String.format("conv-%03d", n)));
        }
        return all;
    }

    private List<ConversationEvent> conversation(String id) {
        ConversationScript c = new ConversationScript(TENANT, id, random);
        long t = dayStart - HOUR_MS + (long) (random.nextDouble() * (DAY_MS + HOUR_MS));
        c.open(t, CHANNELS[random.nextInt(CHANNELS.length)], chance(0.25) ? null : pick(QUEUES));
        for (int stretch = 0; stretch < 3 && t >= 0; stretch++) {
            t = untilResolved(c, t);
            if (t >= 0) {
                t = afterResolution(c, t);
            }
        }
        return c.events();
    }

    /** Returns the resolution's time, or -1 when the conversation was abandoned or is left open. */
    private long untilResolved(ConversationScript c, long t) {
        if (c.withBot()) {
            t = botTurns(c, t);
            if (chance(0.35)) {
                return c.resolve(t + ms(5, 60));
            }
            t = c.handOff(t + ms(1, 10), pick(QUEUES));
        }
        for (int leg = 0; leg < 4; leg++) {
            if (c.waiting()) {
                t = waitForAgent(c, t);
                if (t < 0) {
                    return -1;
                }
            }
            t = talk(c, t);
            double next = random.nextDouble();
            if (next < 0.08) {
                t = c.transferToQueue(t + ms(5, 60), other(QUEUES, c.queue()));
                continue;
            }
            if (next < 0.13) {
                t = c.handBack(t + ms(5, 60));
                continue;
            }
            if (next < 0.25) {
                t = talk(c, c.transferToAgent(t + ms(5, 60), other(AGENTS, c.assignee())));
            }
            if (chance(0.5)) {
                // The customer's "thanks": nobody answers it, the agent resolves.
                t = c.customer(t + ms(5, 60));
            }
            return c.resolve(t + ms(10, 120));
        }
        return -1;
    }

    private long botTurns(ConversationScript c, long t) {
        for (int turn = random.nextInt(3); turn >= 0; turn--) {
            t = c.bot(c.customer(t + ms(2, 30)) + ms(1, 5));
        }
        return t;
    }

    /** Returns the assignment's time, or -1 when the customer left. */
    private long waitForAgent(ConversationScript c, long queuedAt) {
        if (chance(0.06)) {
            queuedAt = c.transferToQueue(queuedAt + ms(5, 40), other(QUEUES, c.queue()));
        }
        boolean abandons = chance(0.15);
        long end = queuedAt + (abandons ? abandonMs() : waitMs());
        if (end - queuedAt >= 2_000 && chance(0.5)) {
            c.customer(queuedAt + (end - queuedAt) / 2);
        }
        if (abandons) {
            c.abandon(end, chance(0.7) ? AbandonReason.CUSTOMER_LEFT : AbandonReason.TIMED_OUT);
            return -1;
        }
        return c.assign(end, pick(AGENTS));
    }

    /** The agent's turns: answers, sometimes two messages in a row, the customer's follow-ups, a bot's notes. */
    private long talk(ConversationScript c, long t) {
        for (int turn = random.nextInt(4); turn >= 0; turn--) {
            if (chance(0.15)) {
                t = c.bot(t + ms(1, 5));
            }
            t = c.agent(t + ms(3, 90));
            if (chance(0.2)) {
                t = c.agent(t + ms(2, 20));
            }
            for (int follow = random.nextInt(3); follow > 0; follow--) {
                t = c.customer(t + ms(2, 60));
            }
        }
        return t;
    }

    /** A rating, then maybe a reopen; returns the reopen's time, or -1 when the conversation stays resolved. */
    private long afterResolution(ConversationScript c, long resolvedAt) {
        long t = resolvedAt;
        if (chance(0.45)) {
            t = c.rate(t + ms(10, 900), RATINGS[random.nextInt(RATINGS.length)], chance(0.3) ? "comment" : null);
        }
        if (!chance(0.15)) {
            return -1;
        }
        t += ms(60, 3_600);
        if (c.queue() != null && chance(0.3)) {
            return c.reopenByAgent(t, pick(AGENTS));
        }
        return c.reopenByCustomer(t);
    }

    private long waitMs() {
        double kind = random.nextDouble();
        if (kind < 0.05) {
            return 30_000;
        }
        if (kind < 0.08) {
            return 30_001;
        }
        return kind < 0.6 ? ms(1, 30) : ms(30, 180);
    }

    private long abandonMs() {
        double kind = random.nextDouble();
        if (kind < 0.3) {
            return 200 + random.nextInt(4_800);
        }
        if (kind < 0.4) {
            return 5_000;
        }
        return ms(5, 240);
    }

    private long ms(int fromSeconds, int toSeconds) {
        return fromSeconds * 1_000L + random.nextInt((toSeconds - fromSeconds) * 1_000 + 1);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private String other(List<String> names, String not) {
        String name = pick(names);
        return name.equals(not) ? names.get((names.indexOf(name) + 1) % names.size()) : name;
    }
}
