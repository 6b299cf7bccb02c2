package io.chatpulse.metrics.report;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.util.Locale;
import java.util.Set;

/**
 * Optional filters, each an empty string when absent (the views read '' as "all"). An unknown
 * queue or agent is not an error: it matches no row of the tenant, so the answer is empty, and
 * it tells nothing about whether another tenant has such a queue.
 */
public record Filters(String queueId, String agentId, String channel, String contactReason) {

    static final Set<String> CHANNELS = Set.of("WEB", "APP", "SOCIAL", "API", "OTHER");
    private static final int MAX_ID_LENGTH = 200;

    public static final Filters NONE = new Filters("", "", "", "");

    /**
     * @param contactReason a topic name of the tenant's catalogue (docs/kpi-topics.md): only the
     *                      conversations whose contact reason it is; an unknown one matches nothing
     */
    public static Filters parse(String queueId, String agentId, String channel, String contactReason) {
        return new Filters(id("queueId", queueId), id("agentId", agentId), channel(channel),
                reason(contactReason));
    }

    /**
     * Whether a queue, channel or contact-reason filter narrows the conversations. Agent time
     * belongs to none of them, so it can only follow the agents such a filter selects.
     */
    boolean byQueueOrChannel() {
        return !queueId.isEmpty() || !channel.isEmpty() || !contactReason.isEmpty();
    }

    private static String id(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameterException(parameter, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value.strip();
    }

    /** A topic name as the catalogue stores it: printable text, at most 200 characters. */
    private static String reason(String value) {
        String reason = id("contactReason", value);
        if (reason.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException("contactReason", "must not contain control characters");
        }
        return reason;
    }

    private static String channel(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String channel = value.strip().toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new InvalidParameterException("channel", "must be one of WEB, APP, SOCIAL, API, OTHER: '" + value + "'");
        }
        return channel;
    }
}
