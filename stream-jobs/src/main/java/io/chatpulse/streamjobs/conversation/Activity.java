package io.chatpulse.streamjobs.conversation;

/**
 * One countable step of a conversation, as a row of {@code conversation_activity}: what volume,
 * reopen counts and survey response rates are counted from. {@code agentId} is the agent the step
 * belongs to (the author of an agent message, the resolver, the agent a survey is about, the agent
 * assigned, the agent who transferred it away), else empty.
 */
public record Activity(
        String tenantId,
        String queueId,
        String conversationId,
        String eventId,
        Kind kind,
        String agentId,
        long at) {

    /** The names are the values of the table's Enum8 column. */
    public enum Kind {
        OPENED("opened"),
        REOPENED("reopened"),
        RESOLVED("resolved"),
        ABANDONED("abandoned"),
        SURVEY_OFFERED("survey_offered"),
        CUSTOMER_MESSAGE("customer_message"),
        AGENT_MESSAGE("agent_message"),
        BOT_MESSAGE("bot_message"),
        ASSIGNED("assigned"),
        TRANSFERRED("transferred");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
