package io.chatpulse.streamjobs.queue;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;

/** What the queue monitor reads: a conversation event or an agent event. Exactly one is set. A Flink POJO. */
public class MonitorInput {
    public ConversationEvent conversation;
    public AgentEvent agent;

    public MonitorInput() {
    }

    public static MonitorInput of(ConversationEvent event) {
        MonitorInput input = new MonitorInput();
        input.conversation = event;
        return input;
    }

    public static MonitorInput of(AgentEvent event) {
        MonitorInput input = new MonitorInput();
        input.agent = event;
        return input;
    }

    public String tenantId() {
        return conversation != null ? conversation.getTenantId() : agent.getTenantId();
    }

    public long eventTime() {
        return conversation != null ? conversation.getEventTime() : agent.getEventTime();
    }
}
