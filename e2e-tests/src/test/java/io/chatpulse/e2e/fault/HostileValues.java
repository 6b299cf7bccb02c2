package io.chatpulse.e2e.fault;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The raw material of hostile requests: injection strings, broken unicode, bad credentials. */
final class HostileValues {

    static final List<String> SQL = List.of(
            "' OR 1=1 --",
            "x'; DROP TABLE conversation_activity; --",
            "demo' UNION SELECT * FROM system.users --",
            "\") OR sleep(3) --",
            "1; TRUNCATE TABLE conversation_kpis");

    /** Code points a careless parser chokes on: controls, lone surrogates, bidi and zero-width marks, emoji. */
    private static final int[] NASTY = {0x0000, 0x0007, 0x001B, 0x007F, 0x00A0, 0x0130, 0x0345, 0x200B, 0x200E, 0x202E,
        0xD800, 0xDBFF, 0xDC00, 0xFEFF, 0xFFFD, 0xFFFF, 0x1F4A9, 0x1F1E9, 0xE0001, 0x10FFFF};

    private HostileValues() {
    }

    /** A string of nasty code points (lone surrogates included), deterministic for a seeded random. */
    static String unicodeGarbage(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x5F) : NASTY[random.nextInt(NASTY.length)];
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    /** {@code text} as a JSON string literal, every non-ASCII unit escaped: lone surrogates survive as \\uD800. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                json.append(c);
            } else {
                json.append(String.format("\\u%04X", (int) c));
            }
        }
        return json.append('"').toString();
    }

    /** Percent-encoded for a path segment or query value (UTF-8; a lone surrogate becomes '?'). */
    static String encoded(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Credentials that must all be refused, by what is wrong with them. */
    static Map<String, Map<String, String>> badAuth() {
        Map<String, Map<String, String>> auth = new LinkedHashMap<>();
        auth.put("no key", Map.of());
        auth.put("empty key", Map.of("X-Api-Key", ""));
        auth.put("unknown key", Map.of("X-Api-Key", "not-a-key"));
        auth.put("SQL key", Map.of("X-Api-Key", SQL.get(0)));
        auth.put("key in another header", Map.of("Authorization", "Bearer demo-key"));
        auth.put("7 KB key", Map.of("X-Api-Key", "k".repeat(7_000)));
        return auth;
    }
}
