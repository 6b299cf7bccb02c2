package io.chatpulse.streamjobs.conversation;

/** The open agent episode of a conversation (a Flink POJO); {@code agentId} is null when there is none. */
public class HandleTimeState {
    public String agentId;
    public long assignedAt;
    public String queueId;

    public HandleTimeState() {
    }
}
