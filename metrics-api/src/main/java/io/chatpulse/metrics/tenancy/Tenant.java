package io.chatpulse.metrics.tenancy;

/** The tenant the caller's API key belongs to; controllers receive it as a method argument. */
public record Tenant(String id) {
}
