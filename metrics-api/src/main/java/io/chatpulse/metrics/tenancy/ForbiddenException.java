package io.chatpulse.metrics.tenancy;

/** The API key is valid but its role does not allow the request. */
public class ForbiddenException extends RuntimeException {

    private final Role required;
    private final Role actual;

    public ForbiddenException(Role required, Role actual) {
        super("this API key has role " + actual.id() + "; the request needs role " + required.id() + " or higher");
        this.required = required;
        this.actual = actual;
    }

    public Role required() {
        return required;
    }

    public Role actual() {
        return actual;
    }
}
