package io.chatpulse.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do; each role includes the ones before it (the role hierarchy of
 * {@link ApiSecurityAutoConfiguration}). supervisor: reads live figures and history; manager: also
 * exports; admin: also manages alert rules and silences.
 */
public enum Role {
    SUPERVISOR, MANAGER, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** The role of an authority name such as ROLE_MANAGER, or null for any other authority. */
    static Role ofAuthority(String authority) {
        for (Role role : values()) {
            if (role.authority().getAuthority().equals(authority)) {
                return role;
            }
        }
        return null;
    }

    public static Role parse(String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + value + "': supervisor, manager or admin");
        }
    }
}
