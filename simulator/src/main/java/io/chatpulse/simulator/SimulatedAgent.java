package io.chatpulse.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent at a desk chat-core routes to: logs in (ONLINE with a capacity and the queues as
 * skills) when the shift starts, learns from its live stream what chat-core assigns or takes
 * back, and at the end of the shift winds down (capacity 1: nothing new while busy), logging
 * out (OFFLINE) once the last conversation is done.
 */
final class SimulatedAgent {

    private enum Duty { OFF, ON, WINDING_DOWN }

    private static final int WINDING_DOWN_CAPACITY = 1;

    private final String id;
    private final int index;
    private final Simulation sim;
    private final ShiftPattern shifts;
    private final int capacity;
    private final List<String> skills;
    private final AgentStream stream;
    private final Set<String> held = new HashSet<>();
    private Duty duty = Duty.OFF;
    private boolean stopped;

    SimulatedAgent(String id, int index, Simulation sim, ShiftPattern shifts, int capacity, List<String> skills) {
        this.id = id;
        this.index = index;
        this.sim = sim;
        this.shifts = shifts;
        this.capacity = capacity;
        this.skills = skills;
        this.stream = sim.client().agentStream(id, this::onEvent);
    }

    String id() {
        return id;
    }

    /** Subscribes first, so no assignment made once the agent is online can be missed. */
    void start() {
        stream.open();
        if (shifts.gone(index, sim.elapsed())) {
            return;
        }
        if (shifts.onDuty(index, sim.elapsed())) {
            arrive();
        } else {
            sim.later(shifts.untilChange(index, sim.elapsed()), this::arrive);
        }
    }

    void stop() {
        synchronized (this) {
            stopped = true;
            if (duty != Duty.OFF) {
                sim.stats().agentsOnDuty.decrementAndGet();
            }
            duty = Duty.OFF;
        }
        stream.close();
        sim.client().agentStatus(id, "OFFLINE", capacity, skills);
    }

    /** chat-core assigned the conversation to this agent. */
    synchronized void took(String conversationId) {
        held.add(conversationId);
    }

    /** The conversation ended, or chat-core handed it back to its queue (then on the stream's thread: no call here). */
    void released(String conversationId) {
        boolean leave;
        synchronized (this) {
            leave = held.remove(conversationId) && duty == Duty.WINDING_DOWN && held.isEmpty();
        }
        if (leave) {
            sim.later(Duration.ZERO, this::leave);
        }
    }

    private void arrive() {
        synchronized (this) {
            // One who left for good (--agents-leaving) does not come back.
            if (stopped || shifts.gone(index, sim.elapsed())) {
                return;
            }
            duty = Duty.ON;
        }
        sim.stats().agentsOnDuty.incrementAndGet();
        sim.client().agentStatus(id, "ONLINE", capacity, skills);
        sim.later(shifts.untilChange(index, sim.elapsed()), this::windDown);
    }

    private void windDown() {
        boolean idle;
        synchronized (this) {
            if (duty != Duty.ON) {
                return;
            }
            duty = Duty.WINDING_DOWN;
            idle = held.isEmpty();
        }
        if (idle) {
            leave();
        } else {
            sim.client().agentStatus(id, "ONLINE", WINDING_DOWN_CAPACITY, skills);
        }
    }

    /** Whatever chat-core routed in the last moment goes back to its queue (chat-core hands it back). */
    private void leave() {
        synchronized (this) {
            if (duty != Duty.WINDING_DOWN) {
                return;
            }
            duty = Duty.OFF;
        }
        sim.stats().agentsOnDuty.decrementAndGet();
        sim.client().agentStatus(id, "OFFLINE", capacity, skills);
        // the next arrival: the time off as planned, counted from now, as the wind-down ran over
        sim.later(shifts.offDuty(), this::arrive);
    }

    private static final Pattern STATE = field("state");
    private static final Pattern CONVERSATION = field("conversationId");
    private static final Pattern ASSIGNEE = field("assigneeId");

    /** The fields after the payload in chat-core's event data; no payload has fields of these names. */
    private void onEvent(String name, String data) {
        String conversationId = value(CONVERSATION, data);
        if (conversationId == null) {
            return;
        }
        if (name.equals("AgentAssigned") && id.equals(value(ASSIGNEE, data))) {
            sim.assigned(this, conversationId);
        } else if (name.equals("ConversationTransferred") && !id.equals(value(ASSIGNEE, data))) {
            sim.takenBack(this, conversationId, "QUEUED".equals(value(STATE, data)));
        }
    }

    private static Pattern field(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    }

    private static String value(Pattern field, String json) {
        Matcher m = field.matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
