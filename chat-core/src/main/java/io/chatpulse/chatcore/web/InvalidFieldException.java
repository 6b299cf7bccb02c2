package io.chatpulse.chatcore.web;

/** A request field that passed bean validation but breaks a rule that needs context; 400. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
