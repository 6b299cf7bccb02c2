package io.chatpulse.streamjobs.conversation;

/** The first-response clock of one conversation (a Flink POJO). */
public class FirstResponseState {
    /** True from a non-human start until the first human agent message after it. */
    public boolean awaiting;
    public long startedAt;

    public FirstResponseState() {
    }
}
