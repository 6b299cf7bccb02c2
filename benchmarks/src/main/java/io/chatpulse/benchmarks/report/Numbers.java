package io.chatpulse.benchmarks.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Figures as the report shows them: thousands separated, at most three decimals, none if whole. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        // DecimalFormat is not thread-safe: one per call, the report formats a few dozen numbers.
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
