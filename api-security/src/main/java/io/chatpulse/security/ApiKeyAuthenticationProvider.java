package io.chatpulse.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Finds the tenant and role of a presented API key in {@link ApiKeyProperties}. */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyProperties properties;

    public ApiKeyAuthenticationProvider(ApiKeyProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        ApiKey key = properties.find((String) presented.getCredentials());
        if (key == null) {
            throw new BadCredentialsException("the API key is not known");
        }
        return ApiKeyAuthentication.of(new Caller(key.tenant(), key.role()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
