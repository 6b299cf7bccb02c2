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
    /** chat-core routes: the agent it assigned before the customer had written (events can come early). */
    private String assignedEarly;
    /** Counts the agents this conversation had: a step of an agent it was taken from does nothing. */
    private int turn;
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
        if (!sim.routesItself()) {
            sim.register(conversationId, this);
        }
        sim.stats().started.incrementAndGet();
        sim.later(human.customerTyping(), this::firstMessage);
    }

    private void firstMessage() {
        if (!sim.client().message(conversationId, "CUSTOMER", null, pick(QUESTIONS)).ok()) {
            drop();
            return;
        }
        String early;
        synchronized (this) {
            if (phase != Phase.OPENING) {
                return;
            }
            moveTo(Phase.WAITING);
            waitStarted = System.nanoTime();
            early = assignedEarly;
        }
        sim.later(human.patience(), this::leaveIfStillWaiting);
        if (sim.routesItself()) {
            sim.later(human.pickUp(), this::joinAgentsQueue);
        } else if (early != null) {
            assigned(early);
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
                sim.release(agent, conversationId);
                return;
            }
            startWithAgent(agent);
        }
        if (!sim.client().assign(conversationId, agent).ok()) {
            drop();
            return;
        }
        sim.later(human.agentReply(), agentStep(this::agentMessage));
    }

    /**
     * chat-core assigned this conversation to the agent; false when it is over on the customer's
     * side (the agent then closes it). Another agent than the current one means chat-core moved it.
     */
    boolean assigned(String agent) {
        synchronized (this) {
            switch (phase) {
                case DONE -> {
                    return false;
                }
                case OPENING -> {
                    assignedEarly = agent;
                    return true;
                }
                case WITH_AGENT -> {
                    if (agent.equals(agentId)) {
                        return true;
                    }
                    agentId = agent;
                    turn++;
                }
                case WAITING -> startWithAgent(agent);
            }
        }
        sim.later(human.agentReply(), agentStep(this::agentMessage));
        return true;
    }

    /** chat-core put the conversation back in its queue (the agent logged out): the customer waits again. */
    void handedBack(String agent) {
        synchronized (this) {
            if (phase != Phase.WITH_AGENT || !agent.equals(agentId)) {
                return;
            }
            moveTo(Phase.WAITING);
            waitStarted = System.nanoTime();
            agentId = null;
            turn++;
        }
        sim.later(human.patience(), this::leaveIfStillWaiting);
    }

    /** The abandon came too late: chat-core had assigned someone, and the agent's event went missing. */
    private void watchForAssignee() {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
        }
        String assignee = sim.client().get(conversationId).field("assigneeId").orElse(null);
        if (assignee == null) {
            sim.later(Duration.ofSeconds(1), this::watchForAssignee);
        } else {
            assigned(assignee);
        }
    }

    private void startWithAgent(String agent) {
        moveTo(Phase.WITH_AGENT);
        agentId = agent;
        turn++;
        waited = Duration.ofNanos(System.nanoTime() - waitStarted);
        repliesLeft = human.exchanges();
    }

    /** A step of the agent now holding the conversation; dropped if it moved to another agent or ended. */
    private Runnable agentStep(Runnable step) {
        int myTurn;
        synchronized (this) {
            myTurn = turn;
        }
        return () -> {
            synchronized (this) {
                if (phase != Phase.WITH_AGENT || turn != myTurn) {
                    return;
                }
            }
            step.run();
        };
    }

    private void leaveIfStillWaiting() {
        if (!sim.routesItself()) {
            leaveUnlessAssigned();
            return;
        }
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
            moveTo(Phase.DONE);
        }
        sim.withdraw(this);
        if (sim.client().abandon(conversationId).ok()) {
            sim.stats().abandoned.incrementAndGet();
        }
    }

    /** chat-core routes: its assignment can cross the customer's leaving, and then they stay (409). */
    private void leaveUnlessAssigned() {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
        }
        var left = sim.client().abandon(conversationId);
        if (left.status() == 409) {
            watchForAssignee();
        } else if (!left.ok()) {
            drop();
        } else {
            synchronized (this) {
                moveTo(Phase.DONE);
            }
            sim.unregister(conversationId);
            sim.stats().abandoned.incrementAndGet();
        }
    }

    private void agentMessage() {
        var sent = sim.client().message(conversationId, "AGENT", agentId, pick(ANSWERS));
        if (sent.status() == 409 && !sim.routesItself()) {
            takenFromAgent();
            return;
        }
        if (!sent.ok()) {
            drop();
            return;
        }
        repliesLeft--;
        if (repliesLeft > 0) {
            sim.later(human.customerTyping(), agentStep(this::customerMessage));
        } else {
            sim.later(human.agentReply(), agentStep(this::resolve));
        }
    }

    private void customerMessage() {
        if (!sim.client().message(conversationId, "CUSTOMER", null, pick(FOLLOW_UPS)).ok()) {
            drop();
            return;
        }
        sim.later(human.agentReply(), agentStep(this::agentMessage));
    }

    private void resolve() {
        var reply = sim.client().resolve(conversationId);
        if (reply.status() == 409 && !sim.routesItself()) {
            takenFromAgent();
            return;
        }
        boolean resolved = reply.ok();
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

    /**
     * chat-core refused the agent's step (409): it took the conversation from the agent in the
     * meantime (the agent logged out just as it was routed one more), and the event saying so has
     * not come yet. What chat-core shows decides: waiting again, or with another agent.
     */
    private void takenFromAgent() {
        String agent;
        synchronized (this) {
            agent = agentId;
        }
        var shown = sim.client().get(conversationId);
        String state = shown.field("state").orElse("");
        String assignee = shown.field("assigneeId").orElse(null);
        if (state.equals("QUEUED")) {
            handedBack(agent);
        } else if (state.equals("ASSIGNED") && assignee != null && !assignee.equals(agent)) {
            assigned(assignee);
        } else {
            drop();
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
        sim.unregister(conversationId);
        if (heldBy != null) {
            sim.release(heldBy, conversationId);
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
