package io.chatpulse.streamjobs.conversation;

/** Customer messages waiting for an agent's reply (a Flink POJO). */
public class ReplyTimeState {
    public boolean pending;
    /** The first customer message since the previous agent message. */
    public long firstCustomerAt;

    public ReplyTimeState() {
    }
}
