package io.chatpulse.simulator;

import java.time.Duration;

/**
 * One customer's conversation, step by step on the simulation's scheduler: open, write, wait for
 * an agent (or give up), a few exchanges, resolution, maybe a rating.
 */
final class Journey {

    private enum Phase { OPENING, WAITING, WITH_AGENT, DONE }

    private static final String[] QUESTIONS = {"Hi, I was charged twice this month.", "My order has not arrived.",
        "How do I change my password?", "The app crashes when I log in.", "Can I upgrade my plan?"};
    private static final String[] FOLLOW_UPS = {"Ok, thanks.", "It still does not work.", "Here is my order number.",
        "Could you check again?", "Great, that helped."};
    private static final String[] ANSWERS = {"Let me look into that for you.", "I can see the issue on our side.",
        "I have fixed it, could you try again?", "Thanks for your patience.", "Is there anything else?"};
    private static final String[] COMMENTS = {null, null, "quick and friendly", "took too long", "solved it"};

    private final Simulation sim;
    private final HumanBehaviour human;
    private final String queueId;
    private final String customerId;
    private final String channel;
    private String conversationId;
    private Phase phase = Phase.OPENING;
    private long waitStarted;
    private Duration waited = Duration.ZERO;
    private String agentId;
    private int repliesLeft;

    Journey(Simulation sim, HumanBehaviour human, String queueId, String customerId, String channel) {
        this.sim = sim;
        this.human = human;
        this.queueId = queueId;
        this.customerId = customerId;
        this.channel = channel;
    }

    void start() {
        var opened = sim.client().open(queueId, channel, customerId);
        if (opened.isEmpty()) {
            drop();
            return;
        }
        conversationId = opened.get();
        sim.stats().started.incrementAndGet();
        sim.later(human.customerTyping(), this::firstMessage);
    }

    private void firstMessage() {
        if (!sim.client().message(conversationId, "CUSTOMER", null, pick(QUESTIONS)).ok()) {
            drop();
            return;
        }
        synchronized (this) {
            moveTo(Phase.WAITING);
            waitStarted = System.nanoTime();
        }
        sim.later(human.patience(), this::leaveIfStillWaiting);
        if (sim.routesItself()) {
            sim.later(human.pickUp(), this::joinAgentsQueue);
        } else {
            sim.later(Duration.ofSeconds(1), this::watchForAssignee);
        }
    }

    private void joinAgentsQueue() {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
        }
        sim.offer(this);
    }

    /** The simulator's routing matched this conversation with an agent who has room. */
    void assignTo(String agent) {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                sim.release(agent);
                return;
            }
            startWithAgent(agent);
        }
        if (!sim.client().assign(conversationId, agent).ok()) {
            drop();
            return;
        }
        sim.later(human.agentReply(), this::agentMessage);
    }

    /** chat-core routes: look whether it assigned someone. */
    private void watchForAssignee() {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
        }
        var shown = sim.client().get(conversationId);
        String assignee = shown.field("assigneeId").orElse(null);
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
            if (assignee == null) {
                sim.later(Duration.ofSeconds(1), this::watchForAssignee);
                return;
            }
            startWithAgent(assignee);
        }
        sim.later(human.agentReply(), this::agentMessage);
    }

    private void startWithAgent(String agent) {
        moveTo(Phase.WITH_AGENT);
        agentId = agent;
        waited = Duration.ofNanos(System.nanoTime() - waitStarted);
        repliesLeft = human.exchanges();
    }

    private void leaveIfStillWaiting() {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
            moveTo(Phase.DONE);
        }
        sim.withdraw(this);
        var left = sim.client().abandon(conversationId);
        if (left.status() == 409 && !sim.routesItself()) {
            // chat-core assigned it just now: stay after all.
            synchronized (this) {
                moveTo(Phase.WAITING);
            }
            watchForAssignee();
            return;
        }
        if (left.ok()) {
            sim.stats().abandoned.incrementAndGet();
        }
    }

    private void agentMessage() {
        if (!sim.client().message(conversationId, "AGENT", agentId, pick(ANSWERS)).ok()) {
            drop();
            return;
        }
        repliesLeft--;
        if (repliesLeft > 0) {
            sim.later(human.customerTyping(), this::customerMessage);
        } else {
            sim.later(human.agentReply(), this::resolve);
        }
    }

    private void customerMessage() {
        if (!sim.client().message(conversationId, "CUSTOMER", null, pick(FOLLOW_UPS)).ok()) {
            drop();
            return;
        }
        sim.later(human.agentReply(), this::agentMessage);
    }

    private void resolve() {
        boolean resolved = sim.client().resolve(conversationId).ok();
        finish();
        if (!resolved) {
            sim.stats().dropped.incrementAndGet();
            return;
        }
        sim.stats().resolved.incrementAndGet();
        if (human.answersSurvey()) {
            sim.later(human.customerTyping(), this::rate);
        }
    }

    private void rate() {
        if (sim.client().rate(conversationId, human.rating(waited), pick(COMMENTS)).ok()) {
            sim.stats().rated.incrementAndGet();
        }
    }

    private void drop() {
        sim.stats().dropped.incrementAndGet();
        finish();
    }

    /** Frees the agent's desk once, whatever ended the conversation. */
    private void finish() {
        String heldBy;
        synchronized (this) {
            heldBy = phase == Phase.WITH_AGENT ? agentId : null;
            moveTo(Phase.DONE);
        }
        if (heldBy != null) {
            sim.release(heldBy);
        }
    }

    /** Keeps the waiting and with-agent gauges of the progress line. Called holding this. */
    private void moveTo(Phase next) {
        gauge(phase).ifPresent(g -> g.decrementAndGet());
        gauge(next).ifPresent(g -> g.incrementAndGet());
        phase = next;
    }

    private java.util.Optional<java.util.concurrent.atomic.AtomicLong> gauge(Phase p) {
        return switch (p) {
            case WAITING -> java.util.Optional.of(sim.stats().waiting);
            case WITH_AGENT -> java.util.Optional.of(sim.stats().withAgent);
            default -> java.util.Optional.empty();
        };
    }

    private String pick(String[] options) {
        return options[human.choose(options.length)];
    }
}
