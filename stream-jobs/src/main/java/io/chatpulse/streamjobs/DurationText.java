package io.chatpulse.streamjobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a duration setting, shared by the job settings and the alert rules:
 * {@code 500ms}, {@code 10s}, {@code 5m} or {@code 5min}, {@code 2h}, {@code 30d}; a bare number is
 * milliseconds. Each caller words its own error for text that is not a duration.
 */
public final class DurationText {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?");

    private DurationText() {
    }

    /** The duration the text names; empty if it names none. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return Optional.of(switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
