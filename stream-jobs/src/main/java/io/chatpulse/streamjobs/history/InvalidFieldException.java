package io.chatpulse.streamjobs.history;

/** Why a line of an import file cannot become an event: the field at fault (null: the whole line) and the reason. */
final class InvalidFieldException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
