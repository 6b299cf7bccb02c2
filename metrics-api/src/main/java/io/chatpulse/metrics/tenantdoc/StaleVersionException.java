package io.chatpulse.metrics.tenantdoc;

/** The caller changed a version of the document that is no longer the newest: 409 with the current one. */
public class StaleVersionException extends RuntimeException {

    private final long current;

    StaleVersionException(TenantDocument document, long expected, long current) {
        super("If-Match names version " + expected + ", the " + document.name() + " is at version " + current
                + ": read it again and apply the change to that version");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
