package io.chatpulse.metrics.tenancy;

import io.chatpulse.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The tenant the caller's API key belongs to; controllers receive it as a method argument. */
public record Tenant(String id) {

    /** The tenant of the request's API key (api-security authenticated it), or null outside /api/**. */
    public static Tenant of(HttpServletRequest request) {
        Caller caller = Caller.of(request);
        return caller == null ? null : new Tenant(caller.tenant());
    }
}
