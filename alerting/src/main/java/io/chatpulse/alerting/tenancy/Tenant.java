package io.chatpulse.alerting.tenancy;

/** The tenant an API key belongs to. */
public record Tenant(String id) {
}
