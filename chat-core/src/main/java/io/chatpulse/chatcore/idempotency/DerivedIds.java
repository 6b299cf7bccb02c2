package io.chatpulse.chatcore.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A UUID that is a function of its parts: SHA-256 over the parts, each prefixed with its length
 * (so "ab"+"c" and "a"+"bc" differ), cut to 128 bits and stamped as a version 8 (custom) UUID of
 * RFC 9562. SHA-256 rather than the MD5 of version 3: a tenant choosing its keys must not be able
 * to make its ids collide with another tenant's.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    public static String uuid(String... parts) {
        MessageDigest sha256 = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
        long high = (hash.getLong() & ~0xF000L) | 0x8000L;
        long low = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
