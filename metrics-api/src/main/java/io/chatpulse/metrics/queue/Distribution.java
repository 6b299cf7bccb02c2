package io.chatpulse.metrics.queue;

/**
 * A distribution as the views compute it (metrics.md: never a mean alone). With {@code count}
 * 0 the figures are null: there is nothing to summarize, which is not the same as zero.
 */
public record Distribution(long count, Double medianMs, Double p90Ms, Double p99Ms, Double meanMs) {

    public static final Distribution EMPTY = new Distribution(0, null, null, null, null);
}
