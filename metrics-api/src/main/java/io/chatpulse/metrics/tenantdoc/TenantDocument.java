package io.chatpulse.metrics.tenantdoc;

/**
 * Which tenant document an admin API serves, for its messages: {@code name} as in "the catalogue is
 * at version 3", {@code title} as in a problem's title ("Topic catalogue unavailable"), {@code path}
 * where a caller reads its version.
 */
public record TenantDocument(String name, String title, String path) {
}
