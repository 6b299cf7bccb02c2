package io.chatpulse.chatcore.tenant;

/** The tenant the caller's API key belongs to; controllers receive it as a parameter. */
public record Tenant(String id) {
}
