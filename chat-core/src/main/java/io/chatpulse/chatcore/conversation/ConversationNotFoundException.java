package io.chatpulse.chatcore.conversation;

/** No conversation with this id for the caller's tenant (another tenant's looks the same); 404. */
public class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String conversationId) {
        super("no conversation " + conversationId);
    }
}
