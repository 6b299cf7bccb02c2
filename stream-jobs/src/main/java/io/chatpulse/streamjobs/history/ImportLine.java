package io.chatpulse.streamjobs.history;

import io.chatpulse.events.ConversationEvent;

/** One row of an import file: the event it holds, or why it holds none. */
record ImportLine(long number, ConversationEvent event, LineProblem problem) {

    static ImportLine valid(long number, ConversationEvent event) {
        return new ImportLine(number, event, null);
    }

    static ImportLine invalid(long number, InvalidFieldException e) {
        return new ImportLine(number, null, LineProblem.of(number, e));
    }

    boolean isValid() {
        return event != null;
    }
}
