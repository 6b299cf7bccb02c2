package io.chatpulse.metrics.tenancy;

/** The request carries no API key, or one that belongs to no tenant. */
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String reason) {
        super(reason);
    }
}
