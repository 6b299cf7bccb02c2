package io.chatpulse.chatcore.events;

/** Kafka did not acknowledge an event in time; nothing was applied. Answered with 503. */
public class EventsUnavailableException extends RuntimeException {
    public EventsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
