package io.chatpulse.metrics.tenantdoc;

/** Kafka did not answer in time: 503. A change may or may not have been saved; a GET says which. */
public class DocumentUnavailableException extends RuntimeException {

    private final TenantDocument document;

    DocumentUnavailableException(TenantDocument document, String message) {
        super(message);
        this.document = document;
    }

    public TenantDocument document() {
        return document;
    }
}
