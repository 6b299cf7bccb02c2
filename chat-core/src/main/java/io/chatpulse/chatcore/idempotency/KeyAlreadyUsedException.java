package io.chatpulse.chatcore.idempotency;

/**
 * The Idempotency-Key derives the id of something that exists already: the key was used again
 * after its first answer was forgotten. Answered 422, like a key reused for another request.
 */
public class KeyAlreadyUsedException extends RuntimeException {
    public KeyAlreadyUsedException(String message) {
        super(message);
    }
}
