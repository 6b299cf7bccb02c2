package io.chatpulse.security;

import java.util.List;

/**
 * The least role the given paths (patterns) need, declared as a bean by the service; every other
 * {@code /api/**} path takes any key (supervisor and up). Checked in the filter chain, so a refused
 * request is 403 before it is validated, counted against the tenant's limits or holds an export slot.
 */
public record RequiredRole(Role role, List<String> pathPatterns) {

    public RequiredRole(Role role, String... pathPatterns) {
        this(role, List.of(pathPatterns));
    }
}
