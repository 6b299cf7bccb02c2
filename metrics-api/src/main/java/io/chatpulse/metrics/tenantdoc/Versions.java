package io.chatpulse.metrics.tenantdoc;

import io.chatpulse.metrics.problem.InvalidParameterException;

/** A tenant document's version as an ETag, and as the If-Match of a change names it. */
public final class Versions {

    /** The If-Match header's description in the OpenAPI document. */
    public static final String IF_MATCH = "the version changed, the ETag of the last read (\"0\" while the tenant has "
            + "none); required";

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names: {@code "3"}, {@code W/"3"} or {@code 3}. */
    public static long ifMatch(TenantDocument document, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException(document);
        }
        String text = ifMatch.strip();
        if (text.startsWith("W/")) {
            text = text.substring(2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new InvalidParameterException("If-Match", "must be the " + document.name() + "'s version, such as \"3\", not "
                + ifMatch);
    }
}
