package io.chatpulse.security;

/**
 * A path (pattern) that also accepts the API key as the query parameter {@code apiKey} when the
 * header is absent, declared as a bean by the service: a browser's EventSource cannot send headers.
 * Only for such paths, because a key in a URL can end up in access logs and browser history.
 */
public record ApiKeyQueryParameter(String pathPattern) {

    public static final String NAME = "apiKey";
}
