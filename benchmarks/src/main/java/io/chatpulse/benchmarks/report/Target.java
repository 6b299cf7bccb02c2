package io.chatpulse.benchmarks.report;

/** What one figure of a benchmark must reach: below a latency, at least a rate, at most some errors. */
record Target(String figure, Comparison comparison, double limit) {

    enum Comparison {
        BELOW("<"), AT_LEAST("≥"), AT_MOST("≤");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double value, double limit) {
            return switch (this) {
                case BELOW -> value < limit;
                case AT_LEAST -> value >= limit;
                case AT_MOST -> value <= limit;
            };
        }
    }

    static Target below(String figure, double limit) {
        return new Target(figure, Comparison.BELOW, limit);
    }

    static Target atLeast(String figure, double limit) {
        return new Target(figure, Comparison.AT_LEAST, limit);
    }

    static Target atMost(String figure, double limit) {
        return new Target(figure, Comparison.AT_MOST, limit);
    }

    boolean metBy(double value) {
        return comparison.holds(value, limit);
    }

    String describe(String unit) {
        return (figure + " " + comparison.symbol + " " + Numbers.format(limit) + " " + unit).strip();
    }
}
