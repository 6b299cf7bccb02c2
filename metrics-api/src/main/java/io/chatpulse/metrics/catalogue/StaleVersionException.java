package io.chatpulse.metrics.catalogue;

/** The caller changed a version of the catalogue that is no longer the newest: 409 with the current one. */
class StaleVersionException extends RuntimeException {

    private final long current;

    StaleVersionException(long expected, long current) {
        super("If-Match names version " + expected + ", the catalogue is at version " + current
                + ": read it again and apply the change to that version");
        this.current = current;
    }

    long current() {
        return current;
    }
}
