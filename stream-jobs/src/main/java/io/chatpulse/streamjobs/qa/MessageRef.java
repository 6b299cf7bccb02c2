package io.chatpulse.streamjobs.qa;

/** A message (or other event) a check points at: its event id and time (epoch ms). A Flink POJO. */
public class MessageRef {
    public String eventId;
    public long at;

    public MessageRef() {
    }

    public static MessageRef of(String eventId, long at) {
        MessageRef ref = new MessageRef();
        ref.eventId = eventId;
        ref.at = at;
        return ref;
    }
}
