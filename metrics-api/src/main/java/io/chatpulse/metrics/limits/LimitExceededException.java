package io.chatpulse.metrics.limits;

import io.chatpulse.limits.RequestRate;
import java.time.Duration;
import java.util.Map;

/** A tenant is over one of its limits; answered 429 with Retry-After and a problem naming the limit. */
public class LimitExceededException extends RuntimeException {

    private final String limit;
    private final String tenant;
    private final Duration retryAfter;
    private final Map<String, Object> values;

    private LimitExceededException(String limit, String tenant, Duration retryAfter, Map<String, Object> values,
                                   String message) {
        super(message);
        this.limit = limit;
        this.tenant = tenant;
        this.retryAfter = retryAfter;
        this.values = values;
    }

    static LimitExceededException rate(String tenant, RequestRate rate, Duration retryAfter) {
        return new LimitExceededException("requests-per-second", tenant, retryAfter,
                Map.of("requestsPerSecond", rate.requestsPerSecond(), "burst", rate.burst()),
                "tenant " + tenant + " may make " + rate.requestsPerSecond() + " requests a second (bursts of "
                        + rate.burst() + ")");
    }

    static LimitExceededException exports(String tenant, int slots, Duration retryAfter) {
        return new LimitExceededException("concurrent-exports", tenant, retryAfter, Map.of("concurrentExports", slots),
                "tenant " + tenant + " may stream " + slots + " exports at once; one must finish first");
    }

    /** The limit's name as configured under chatpulse.limits. */
    public String limit() {
        return limit;
    }

    public String tenant() {
        return tenant;
    }

    /** Whole seconds, at least 1 (Retry-After has no finer unit). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The limit's settings, named as in the problem body. */
    public Map<String, Object> values() {
        return values;
    }
}
