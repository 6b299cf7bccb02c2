package io.chatpulse.chatcore.conversation;

/** The action does not fit the conversation's current state; answered with 409. */
public class ActionNotAllowedException extends RuntimeException {
    public ActionNotAllowedException(String reason) {
        super(reason);
    }
}
