package io.chatpulse.benchmarks.report;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure a benchmark prints, found by a pattern over its output: the printed line with
 * {@code #} where the number stands (the only capture), other numbers matched as {@code \S+}.
 */
record Figure(String name, String unit, Pattern pattern) {

    /** Printed numbers may carry thousands separators ({@code %,d}) and decimals. */
    private static final String NUMBER = "(\\d[\\d,]*(?:\\.\\d+)?)";

    static Figure of(String name, String unit, String printed) {
        return new Figure(name, unit, Pattern.compile(printed.replace("#", NUMBER), Pattern.MULTILINE));
    }

    OptionalDouble find(String output) {
        Matcher match = pattern.matcher(output);
        return match.find() ? OptionalDouble.of(Double.parseDouble(match.group(1).replace(",", "")))
                : OptionalDouble.empty();
    }

    boolean isDuration() {
        return unit.equals("ms") || unit.equals("s");
    }

    boolean isRate() {
        return unit.endsWith("/s");
    }
}
