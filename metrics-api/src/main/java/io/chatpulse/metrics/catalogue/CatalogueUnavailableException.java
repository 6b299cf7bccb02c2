package io.chatpulse.metrics.catalogue;

/** Kafka did not answer in time: 503. A change may or may not have been saved; a GET says which. */
class CatalogueUnavailableException extends RuntimeException {

    CatalogueUnavailableException(String message) {
        super(message);
    }
}
