package io.chatpulse.topiccatalogue.scorecard;

/** A QA scorecard that cannot be used, with the field at fault and the reason. */
public class InvalidScorecardException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidScorecardException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The path of the field at fault, e.g. {@code acme.checks[2].phrases[0]}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
