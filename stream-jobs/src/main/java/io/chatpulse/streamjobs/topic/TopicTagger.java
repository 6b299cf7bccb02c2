package io.chatpulse.streamjobs.topic;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags customer messages with their topics and conversations with theirs, engine-free: a message's
 * topics are those of its tenant's catalogue its text names ({@link TopicMatcher}), in the order
 * they are first matched; a conversation's topics are those any of its customer messages named, and
 * its contact reason is the first of them (the first topic of the first customer message that names
 * one). Agent, bot and system messages are not tagged. Builds a tenant's matcher at its first message
 * from the catalogue it starts with, or at a change of the tenant's topics ({@link #change}).
 */
public final class TopicTagger {

    /** Where the tags go. */
    public interface Tags {
        void messageTopic(MessageTopic row);

        void conversationTopic(ConversationTopic row);
    }

    private final TopicCatalogue catalogue;
    private final Map<String, TopicMatcher> matchers = new HashMap<>();

    public TopicTagger(TopicCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Tags the event if it is a customer message; {@code queueId} is where the conversation is now. */
    public void apply(ConversationEvent event, TopicState state, String queueId, Tags out) {
        if (!(event.getPayload() instanceof MessagePosted message) || message.getSender() != SenderKind.CUSTOMER
                || message.getText() == null) {
            return;
        }
        List<String> topics = matcher(event.getTenantId()).topicsOf(message.getText());
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i);
            out.messageTopic(new MessageTopic(event.getTenantId(), queueId, event.getConversationId(),
                    event.getEventId(), event.getEventTime(), topic, i + 1));
            if (!Arrays.asList(state.named).contains(topic)) {
                boolean first = state.named.length == 0;
                state.named = append(state.named, topic);
                out.conversationTopic(new ConversationTopic(event.getTenantId(), queueId, event.getConversationId(),
                        topic, event.getEventId(), event.getEventTime(), first));
            }
        }
    }

    /** The tenant's topics from now on, in place of the catalogue's; checked like a catalogue's. */
    public void change(String tenant, List<Topic> topics) {
        TopicCatalogue.validate(tenant, topics);
        matchers.put(tenant, new TopicMatcher(topics));
    }

    private TopicMatcher matcher(String tenant) {
        return matchers.computeIfAbsent(tenant, t -> new TopicMatcher(catalogue.topicsOf(t)));
    }

    private static String[] append(String[] named, String topic) {
        String[] next = Arrays.copyOf(named, named.length + 1);
        next[named.length] = topic;
        return next;
    }
}
