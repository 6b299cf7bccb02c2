package io.chatpulse.metrics.tenantdoc;

/** Another change was written between this one's read and its commit; this one was not: 409. */
public class ConcurrentChangeException extends RuntimeException {

    ConcurrentChangeException(TenantDocument document) {
        super("another change of the " + document.name() + " was being written at the same time; this one was not "
                + "saved: read the " + document.name() + " again and retry");
    }
}
