package io.chatpulse.alerting.tenancy;

import io.chatpulse.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The tenant an API key belongs to. */
public record Tenant(String id) {

    /** The tenant of the request's API key (api-security authenticated it), or null outside /api/**. */
    public static Tenant of(HttpServletRequest request) {
        Caller caller = Caller.of(request);
        return caller == null ? null : new Tenant(caller.tenant());
    }
}
