package io.chatpulse.security;

import jakarta.servlet.http.HttpServletRequest;

/** Who is asking: the tenant of the API key and what the key may do; the authenticated principal. */
public record Caller(String tenant, Role role) {

    static final String ATTRIBUTE = Caller.class.getName();

    /**
     * The caller authenticated for this request, or null outside {@code /api/**}. Kept as a request
     * attribute too, so filters after Spring Security's chain and error dispatches can read it.
     */
    public static Caller of(HttpServletRequest request) {
        return (Caller) request.getAttribute(ATTRIBUTE);
    }
}
