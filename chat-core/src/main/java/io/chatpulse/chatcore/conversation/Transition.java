package io.chatpulse.chatcore.conversation;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The state after an action, and the event payloads that say so, in order. */
public record Transition(Conversation next, List<SpecificRecord> payloads) {

    static Transition of(Conversation next, SpecificRecord... payloads) {
        return new Transition(next, List.of(payloads));
    }
}
