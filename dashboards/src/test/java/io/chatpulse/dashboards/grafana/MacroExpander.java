package io.chatpulse.dashboards.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a panel's rawSql into the SQL that reaches ClickHouse, in the order Grafana and the
 * grafana-clickhouse-datasource plugin (v4) apply the steps: {@code $__conditionalAll} (plugin,
 * in the browser), then template variables (Grafana), then the time macros (plugin backend,
 * pkg/macros). A macro or variable it does not know fails loudly, so a typo in a dashboard fails
 * its test instead of reaching a user.
 */
public final class MacroExpander {

    /** The dashboard's time range and the panel's interval, as Grafana hands them to a query. */
    public record TimeRange(Instant from, Instant to, Duration interval) {
    }

    /**
     * A template variable's selection; {@code all} when "All" is selected, with {@code values}
     * then every option (what Grafana substitutes when the variable has no custom all value), and
     * {@code allValue} the variable's custom all value, or null.
     */
    public record Variable(String name, List<String> values, boolean all, String allValue) {

        public Variable(String name, List<String> values, boolean all) {
            this(name, values, all, null);
        }

        public static Variable of(String name, String... values) {
            return new Variable(name, List.of(values), false);
        }

        public static Variable all(String name, List<String> values) {
            return new Variable(name, List.copyOf(values), true);
        }

        /** "All" selected on a variable with a custom all value, which Grafana substitutes as it is. */
        public static Variable all(String name, List<String> values, String allValue) {
            return new Variable(name, List.copyOf(values), true, allValue);
        }
    }

    private static final String CONDITIONAL_ALL = "$__conditionalAll(";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\$(\\w+)");
    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private MacroExpander() {
    }

    public static String expand(String rawSql, TimeRange range, Map<String, Variable> variables) {
        return expandTimeMacros(interpolate(conditionalAll(rawSql, variables), variables), range);
    }

    /** {@code $__conditionalAll(condition, $var)}: {@code 1=1} when All (or nothing) is selected, else the condition. */
    static String conditionalAll(String sql, Map<String, Variable> variables) {
        String result = sql;
        int at;
        while ((at = result.lastIndexOf(CONDITIONAL_ALL)) >= 0) {
            int open = at + CONDITIONAL_ALL.length() - 1;
            int close = closingParenthesis(result, open);
            List<String> args = splitArguments(result.substring(open + 1, close));
            if (args.size() != 2) {
                throw new IllegalArgumentException("$__conditionalAll takes (condition, $variable): " + result.substring(at, close + 1));
            }
            Variable variable = variable(args.get(1).strip(), variables);
            boolean everything = variable.all() || variable.values().isEmpty();
            result = result.substring(0, at) + (everything ? "1=1" : args.get(0).strip()) + result.substring(close + 1);
        }
        return result;
    }

    /** {@code $var}, {@code ${var}} and {@code ${var:format}}; names starting with {@code __} are macros, left alone. */
    static String interpolate(String sql, Map<String, Variable> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            if (name.startsWith("__")) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            Variable variable = variables.get(name);
            if (variable == null) {
                throw new IllegalArgumentException("unknown template variable $" + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(variable, m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Variable variable, String format) {
        if (variable.all() && variable.allValue() != null && !variable.allValue().isEmpty()) {
            // Grafana (templateSrv) skips formatting for a custom all value.
            return variable.allValue();
        }
        List<String> values = variable.values();
        if (format == null || format.equals("raw") || format.equals("csv")) {
            return String.join(",", values);
        }
        return switch (format) {
            case "singlequote" -> values.stream().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(","));
            case "doublequote" -> values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(","));
            case "sqlstring" -> values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
            default -> throw new IllegalArgumentException("unsupported variable format :" + format + " of $" + variable.name());
        };
    }

    /** The backend macros of the plugin (pkg/macros/macros.go), with Grafana's own expansions. */
    static String expandTimeMacros(String sql, TimeRange range) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (m.find(position)) {
            out.append(sql, position, m.start());
            String name = m.group(1);
            int end = m.end();
            List<String> args = List.of();
            if (takesArguments(name)) {
                int open = skipSpaces(sql, end);
                if (open >= sql.length() || sql.charAt(open) != '(') {
                    throw new IllegalArgumentException("$__" + name + " needs (column)");
                }
                int close = closingParenthesis(sql, open);
                args = splitArguments(sql.substring(open + 1, close)).stream().map(String::strip).toList();
                end = close + 1;
            }
            out.append(macro(name, args, range));
            position = end;
        }
        out.append(sql.substring(position));
        return out.toString();
    }

    private static boolean takesArguments(String name) {
        return switch (name) {
            case "timeFilter", "timeFilter_ms", "dateFilter", "timeInterval", "timeInterval_ms" -> true;
            default -> false;
        };
    }

    private static String macro(String name, List<String> args, TimeRange range) {
        long seconds = Math.max(range.interval().toSeconds(), 1);
        long millis = Math.max(range.interval().toMillis(), 1);
        return switch (name) {
            case "fromTime" -> dateTime(range.from());
            case "toTime" -> dateTime(range.to());
            case "fromTime_ms" -> dateTime64(range.from());
            case "toTime_ms" -> dateTime64(range.to());
            case "timeFilter" -> one(name, args) + " >= " + dateTime(range.from()) + " AND " + args.get(0) + " <= " + dateTime(range.to());
            case "timeFilter_ms" -> one(name, args) + " >= " + dateTime64(range.from()) + " AND " + args.get(0) + " <= " + dateTime64(range.to());
            case "dateFilter" -> one(name, args) + " >= " + date(range.from()) + " AND " + args.get(0) + " <= " + date(range.to());
            case "timeInterval" -> "toStartOfInterval(toDateTime(" + one(name, args) + "), INTERVAL " + seconds + " second)";
            case "timeInterval_ms" -> "toStartOfInterval(toDateTime64(" + one(name, args) + ", 3), INTERVAL " + millis + " millisecond)";
            case "interval_s" -> Long.toString(seconds);
            default -> throw new IllegalArgumentException("unknown macro $__" + name);
        };
    }

    private static String one(String name, List<String> args) {
        if (args.size() != 1 || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("$__" + name + " takes one argument, got " + args);
        }
        return args.get(0);
    }

    private static String dateTime(Instant t) {
        return "toDateTime(" + t.getEpochSecond() + ")";
    }

    private static String dateTime64(Instant t) {
        return "fromUnixTimestamp64Milli(" + t.toEpochMilli() + ")";
    }

    private static String date(Instant t) {
        return "toDate('" + DAY.format(t) + "')";
    }

    private static Variable variable(String reference, Map<String, Variable> variables) {
        Matcher m = VARIABLE.matcher(reference);
        if (!m.matches()) {
            throw new IllegalArgumentException("$__conditionalAll needs a variable as its second argument, got " + reference);
        }
        String name = m.group(1) != null ? m.group(1) : m.group(3);
        Variable variable = variables.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("unknown template variable $" + name);
        }
        return variable;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping nested ones and quoted text. */
    private static int closingParenthesis(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after: " + s.substring(0, open + 1));
    }

    /** Splits on commas outside parentheses and quotes. */
    private static List<String> splitArguments(String s) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(s.substring(start, i));
                start = i + 1;
            }
        }
        args.add(s.substring(start));
        return args;
    }
}
