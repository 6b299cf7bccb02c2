package io.chatpulse.schema.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant's read-only ClickHouse user. The user is named after the tenant, so a dashboard passes
 * {@code tenant = currentUser()} to the parameterized views and needs no tenant variable.
 */
public record TenantReader(String tenant, String password) {

    /** A valid XML element name and ClickHouse user name, with nothing to quote in SQL. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TenantReader {
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "': a reader's tenant is a letter, then up to 63"
                    + " letters, digits, '_' or '-'");
        }
        if (tenant.equals("default")) {
            throw new IllegalArgumentException("tenant 'default' would replace the engine's own user");
        }
    }

    /** A reader with a new random password (144 bits). */
    public static TenantReader withNewPassword(String tenant) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return new TenantReader(tenant, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Only the hash is stored with the engine. */
    public String passwordSha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Grafana datasource's password variable: CLICKHOUSE_PASSWORD_ plus the tenant in upper case. */
    public String passwordVariable() {
        return "CLICKHOUSE_PASSWORD_" + tenant.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
