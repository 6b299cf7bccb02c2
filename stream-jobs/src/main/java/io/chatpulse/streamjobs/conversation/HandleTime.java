package io.chatpulse.streamjobs.conversation;

/** One agent episode and its handle time, as a row of {@code handle_times}. Times are epoch milliseconds, UTC. */
public record HandleTime(
        String tenantId,
        String queueId,
        String conversationId,
        String agentId,
        long assignedAt,
        long endedAt,
        Ending ending,
        long handleMs) {

    /** How an agent episode ended; the names are the values of the table's Enum8 column. */
    public enum Ending {
        RESOLVED("resolved"),
        TRANSFERRED("transferred");

        private final String column;

        Ending(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
