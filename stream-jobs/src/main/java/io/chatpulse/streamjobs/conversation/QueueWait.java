package io.chatpulse.streamjobs.conversation;

/** One wait episode in a queue, as a row of {@code queue_waits}. Times are epoch milliseconds, UTC. */
public record QueueWait(
        String tenantId,
        String queueId,
        String conversationId,
        long queuedAt,
        long endedAt,
        Outcome outcome,
        String agentId,
        long waitMs) {

    /** How a wait ended; the names are the values of the table's Enum8 column. */
    public enum Outcome {
        ANSWERED("answered"),
        ABANDONED("abandoned");

        private final String column;

        Outcome(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
