package io.chatpulse.events.codec;

/** A record whose bytes are not a readable event of the contract; the message says why. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
