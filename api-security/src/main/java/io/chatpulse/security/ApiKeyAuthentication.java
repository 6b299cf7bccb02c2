package io.chatpulse.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as presented (not yet authenticated), or the {@link Caller} it was found to be. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String key;
    private final Caller caller;

    private ApiKeyAuthentication(String key, Caller caller) {
        super(caller == null ? List.of() : List.of(caller.role().authority()));
        this.key = key;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null);
    }

    static ApiKeyAuthentication of(Caller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }
}
