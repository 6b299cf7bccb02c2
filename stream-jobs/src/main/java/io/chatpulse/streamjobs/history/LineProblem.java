package io.chatpulse.streamjobs.history;

/** A refused line of an import file, as the user gets to see it. */
record LineProblem(long line, String field, String reason) {

    static LineProblem of(long line, InvalidFieldException e) {
        return new LineProblem(line, e.field(), e.getMessage());
    }

    @Override
    public String toString() {
        return field == null ? "line " + line + ": " + reason : "line " + line + ", field " + field + ": " + reason;
    }
}
