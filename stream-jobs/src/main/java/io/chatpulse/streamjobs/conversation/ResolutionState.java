package io.chatpulse.streamjobs.conversation;

/** The open stretch of a conversation, from open or reopen (a Flink POJO). */
public class ResolutionState {
    public boolean open;
    public long startedAt;
    public boolean reopened;

    public ResolutionState() {
    }
}
