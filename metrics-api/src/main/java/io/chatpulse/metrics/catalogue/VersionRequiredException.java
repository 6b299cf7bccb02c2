package io.chatpulse.metrics.catalogue;

/** A change without If-Match: 428, so that no change overwrites one its author has not seen. */
class VersionRequiredException extends RuntimeException {

    VersionRequiredException() {
        super("a change needs If-Match with the version it changes (the ETag of GET /api/v1/admin/topic-catalogue;"
                + " \"0\" while the tenant has none)");
    }
}
