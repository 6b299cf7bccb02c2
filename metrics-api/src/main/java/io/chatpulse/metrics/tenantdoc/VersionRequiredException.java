package io.chatpulse.metrics.tenantdoc;

/** A change without If-Match: 428, so that no change overwrites one its author has not seen. */
public class VersionRequiredException extends RuntimeException {

    VersionRequiredException(TenantDocument document) {
        super("a change needs If-Match with the version it changes (the ETag of GET " + document.path()
                + "; \"0\" while the tenant has none)");
    }
}
