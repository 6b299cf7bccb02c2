package io.chatpulse.limits;

/** A token bucket's settings: {@code burst} requests at once, refilled at {@code requestsPerSecond}; rate 0: no limit. */
public record RequestRate(long requestsPerSecond, long burst) {

    /**
     * A tenant's rate from the defaults and its own settings (either may be null): a tenant that names
     * only its rate gets a burst of one second's worth, one that names only its burst keeps the default rate.
     */
    public static RequestRate of(long defaultRate, long defaultBurst, Long ownRate, Long ownBurst) {
        long rate = ownRate == null ? defaultRate : ownRate;
        long size = ownBurst != null ? ownBurst : ownRate != null ? rate : defaultBurst;
        return new RequestRate(rate, size);
    }

    /** Refuses settings no bucket can have, naming them under {@code prefix} (e.g. chatpulse.limits). */
    public static void check(String prefix, Long rate, Long burst) {
        if (rate != null && rate < 0) {
            throw new IllegalArgumentException(prefix + ".requests-per-second must be 0 (no limit) or more, got " + rate);
        }
        if (burst != null && burst < 1) {
            throw new IllegalArgumentException(prefix + ".burst must be at least 1, got " + burst);
        }
    }

    public boolean unlimited() {
        return requestsPerSecond == 0;
    }
}
