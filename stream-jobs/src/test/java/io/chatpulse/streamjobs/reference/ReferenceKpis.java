package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.ConversationEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The reference: every per-conversation figure of a delivered stream of events, computed as metrics.md
 * words it, without any of the job's code. Like the job it takes each conversation's events in arrival
 * order and each event id once.
 */
public final class ReferenceKpis {

    /** The per-conversation tables, one kind of figure each. */
    public enum Table {
        QUEUE_WAITS(ConversationFigures::queueWaits),
        FIRST_RESPONSES(ConversationFigures::firstResponses),
        REPLY_TIMES(ConversationFigures::replyTimes),
        RESOLUTIONS(ConversationFigures::resolutions),
        HANDLE_TIMES(ConversationFigures::handleTimes),
        CSAT_RATINGS(ConversationFigures::ratings),
        CONVERSATION_ACTIVITY(ConversationFigures::steps);

        private final Function<ConversationFigures, List<Figure>> figures;

        Table(Function<ConversationFigures, List<Figure>> figures) {
            this.figures = figures;
        }

        public String table() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Table, List<Figure>> figures = new EnumMap<>(Table.class);
    private final Map<String, String> channels = new LinkedHashMap<>();

    private ReferenceKpis() {
        for (Table table : Table.values()) {
            figures.put(table, new ArrayList<>());
        }
    }

    public static ReferenceKpis of(List<ConversationEvent> delivered) {
        ReferenceKpis kpis = new ReferenceKpis();
        byConversation(delivered).forEach((id, events) -> {
            ConversationFigures conversation = new ConversationFigures(id, events);
            kpis.channels.put(id, conversation.channel());
            for (Table table : Table.values()) {
                kpis.figures.get(table).addAll(table.figures.apply(conversation));
            }
        });
        return kpis;
    }

    /**
     * The events a job that applies on arrival leaves out: each older than an event of its conversation
     * delivered before it (a repeated event id is a repeat, not late).
     */
    public static List<ConversationEvent> late(List<ConversationEvent> delivered) {
        Map<String, Long> newest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<ConversationEvent> late = new ArrayList<>();
        for (ConversationEvent event : delivered) {
            if (!seen.add(event.getConversationId() + "/" + event.getEventId())) {
                continue;
            }
            long upTo = newest.getOrDefault(event.getConversationId(), Long.MIN_VALUE);
            if (event.getEventTime() < upTo) {
                late.add(event);
            } else {
                newest.put(event.getConversationId(), event.getEventTime());
            }
        }
        return late;
    }

    /** Each conversation's events in arrival order, a repeated event id left out. */
    private static Map<String, List<ConversationEvent>> byConversation(List<ConversationEvent> delivered) {
        Map<String, List<ConversationEvent>> conversations = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConversationEvent event : delivered) {
            if (seen.add(event.getConversationId() + "/" + event.getEventId())) {
                conversations.computeIfAbsent(event.getConversationId(), id -> new ArrayList<>()).add(event);
            }
        }
        return conversations;
    }

    public List<Figure> figures(Table table) {
        return figures.get(table);
    }

    public Set<String> conversations() {
        return channels.keySet();
    }

    public String channel(String conversationId) {
        return channels.get(conversationId);
    }
}
