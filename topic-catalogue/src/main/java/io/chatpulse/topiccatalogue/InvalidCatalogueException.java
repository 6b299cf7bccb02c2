package io.chatpulse.topiccatalogue;

/** A topic catalogue that cannot be used, with the field at fault and the reason. */
public class InvalidCatalogueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidCatalogueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The path of the field at fault, e.g. {@code acme[2].patterns[0]}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
