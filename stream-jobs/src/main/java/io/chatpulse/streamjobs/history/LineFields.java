package io.chatpulse.streamjobs.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fields of one line, read by name and checked. Remembers every field an event was made from,
 * normalized, so the event id is a function of the event alone: the same event in another file,
 * format, column order or time zone notation gets the same id.
 */
final class LineFields {

    private final Map<String, String> fields;
    private final Map<String, String> used = new TreeMap<>();

    LineFields(Map<String, String> fields) {
        this.fields = fields;
    }

    String required(String name) throws InvalidFieldException {
        String value = optional(name);
        if (value == null) {
            throw new InvalidFieldException(name, "missing");
        }
        return value;
    }

    /** The value with surrounding blanks removed, or null when absent or blank. */
    String optional(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : use(name, value.strip());
    }

    /** A free text (message, comment), kept exactly as written. */
    String text(String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : use(name, value);
    }

    /** An ISO-8601 instant with Z or an offset, as epoch milliseconds; never after {@code notAfter}. */
    long instant(String name, Instant notAfter) throws InvalidFieldException {
        String text = required(name);
        Instant at;
        try {
            at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "'" + text + "' is not an ISO-8601 time with Z or an offset,"
                    + " e.g. 2026-03-02T09:15:04Z or 2026-03-02T10:15:04+01:00");
        }
        if (at.isAfter(notAfter)) {
            throw new InvalidFieldException(name, text + " is in the future; an import is of history");
        }
        use(name, Long.toString(at.toEpochMilli()));
        return at.toEpochMilli();
    }

    /** A whole number in [min, max], or {@code absent} when the field is absent. */
    int number(String name, int min, int max, Integer absent) throws InvalidFieldException {
        String text = absent == null ? required(name) : optional(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "'" + text + "' is not a whole number");
        }
        throw new InvalidFieldException(name, text + " is outside " + min + ".." + max);
    }

    /** One of the enum's symbols written in lower case (bot_handoff for BOT_HANDOFF), or {@code absent}. */
    <E extends Enum<E>> E choice(String name, Class<E> symbols, E absent) throws InvalidFieldException {
        String text = optional(name);
        if (text == null) {
            return absent;
        }
        try {
            E symbol = Enum.valueOf(symbols, text.toUpperCase(Locale.ROOT));
            use(name, symbol.name());
            return symbol;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, "'" + text + "' is not one of " + Arrays.stream(symbols.getEnumConstants())
                    .map(symbol -> symbol.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    /** The id of the event made from the fields read so far. */
    String eventId() {
        StringBuilder content = new StringBuilder("chatpulse-history-import");
        // Length-prefixed values: no value can pass for another field's boundary.
        used.forEach((name, value) -> content.append('\n').append(name).append('=').append(value.length())
                .append(':').append(value));
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String use(String name, String value) {
        used.put(name, value);
        return value;
    }
}
