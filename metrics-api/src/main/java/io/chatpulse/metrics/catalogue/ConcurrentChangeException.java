package io.chatpulse.metrics.catalogue;

/** Another change was written between this one's read and its commit; this one was not: 409. */
class ConcurrentChangeException extends RuntimeException {

    ConcurrentChangeException() {
        super("another change of the catalogue was being written at the same time; this one was not saved:"
                + " read the catalogue again and retry");
    }
}
