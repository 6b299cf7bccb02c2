package io.chatpulse.limits;

/** A token bucket's settings: {@code burst} requests at once, refilled at {@code requestsPerSecond}; rate 0: no limit. */
public record RequestRate(long requestsPerSecond, long burst) {

    public boolean unlimited() {
        return requestsPerSecond == 0;
    }
}
