package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs events through one tracker the way {@link ConversationKpis} does, collecting its figures. */
final class Trackers {

    @FunctionalInterface
    interface Tracker<S, R> {
        Optional<R> apply(ConversationEvent event, S state, ConversationContext where);
    }

    private Trackers() {
    }

    static <S, R> List<R> run(S state, Tracker<S, R> tracker, ConversationEvent... events) {
        ConversationContext where = new ConversationContext();
        List<R> figures = new ArrayList<>();
        for (ConversationEvent event : events) {
            where.follow(event);
            tracker.apply(event, state, where).ifPresent(figures::add);
        }
        return figures;
    }
}
