package io.chatpulse.streamjobs.conversation;

/** The open wait episode of one conversation, kept in Flink state (a POJO: public fields, no-arg constructor). */
public class QueueWaitState {
    public boolean waiting;
    public String queueId;
    public long queuedAt;

    public QueueWaitState() {
    }
}
