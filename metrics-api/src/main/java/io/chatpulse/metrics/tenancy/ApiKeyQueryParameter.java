package io.chatpulse.metrics.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler also accepts the API key as the query parameter {@code apiKey} when the header is
 * absent: a browser's EventSource cannot send headers. Only for the live stream, because a key in a
 * URL can end up in access logs and browser history.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiKeyQueryParameter {

    String NAME = "apiKey";
}
