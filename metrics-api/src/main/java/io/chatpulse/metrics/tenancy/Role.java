package io.chatpulse.metrics.tenancy;

import java.util.Locale;

/**
 * What an API key may do; each role includes the ones before it. supervisor: reads live figures
 * and history; manager: also exports; admin: also manages alert rules and silences.
 */
public enum Role {
    SUPERVISOR, MANAGER, ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + value + "': supervisor, manager or admin");
        }
    }
}
