package io.chatpulse.streamjobs.reference;

import io.chatpulse.streamjobs.reference.ReferenceKpis.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The aggregates of metrics.md over one period and filter, from the reference's figures, one method per
 * report view the API reads, keyed by agent ('' unless per agent) with the view's column names. A figure
 * belongs to the period of the instant that completes it. Counts are longs, the rest doubles, and null
 * where the view answers NULL (a rate of nothing).
 */
public final class ReferenceReport {

    /** Service level's T, and the shortest abandon that counts (metrics.md's defaults). */
    public static final long ANSWER_WITHIN_MS = 30_000;
    public static final long SHORT_ABANDON_MS = 5_000;

    /** A period [from, to) and the filters; '' for all. */
    public record Scope(long from, long to, String queue, String channel, boolean byAgent) {
    }

    private final ReferenceKpis kpis;
    private final Scope scope;

    public ReferenceReport(ReferenceKpis kpis, Scope scope) {
        this.kpis = kpis;
        this.scope = scope;
    }

    /** Service level, abandonment rate, average speed of answer and the answered waits' distribution. */
    public Map<String, Map<String, Number>> queueWaits() {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        group(Table.QUEUE_WAITS, f -> true).forEach((agent, waits) -> {
            List<Long> answered = values(waits, f -> f.details().get(0).equals("answered"));
            long within = answered.stream().filter(ms -> ms <= ANSWER_WITHIN_MS).count();
            List<Long> abandons = values(waits, f -> f.details().get(0).equals("abandoned"));
            long abandoned = abandons.stream().filter(ms -> ms >= SHORT_ABANDON_MS).count();
            long counted = answered.size() + abandoned;
            Map<String, Number> row = row("answered", (long) answered.size());
            row.putAll(distribution(answered));
            row.put("answered_within", within);
            row.put("abandoned", abandoned);
            row.put("short_abandons", abandons.size() - abandoned);
            row.put("service_level", counted == 0 ? null : (double) within / counted);
            row.put("abandonment_rate", counted == 0 ? null : (double) abandoned / counted);
            row.put("average_speed_of_answer_ms", row.get("mean_ms"));
            rows.put(agent, row);
        });
        return rows;
    }

    /** n, median, p90, p99 and mean of one kind of duration. */
    public Map<String, Map<String, Number>> durations(Table table) {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        group(table, f -> true).forEach((agent, figures) -> {
            List<Long> values = values(figures, f -> true);
            Map<String, Number> row = row("n", (long) values.size());
            row.putAll(distribution(values));
            if (table == Table.HANDLE_TIMES) {
                row.put("resolved", figures.stream().filter(f -> f.details().get(0).equals("resolved")).count());
            }
            rows.put(agent, row);
        });
        return rows;
    }

    /** CSAT (ratings of 4 or 5 x 100 / all), average rating, negative rate (1 or 2 / all). */
    public Map<String, Map<String, Number>> csat() {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        group(Table.CSAT_RATINGS, f -> true).forEach((agent, ratings) -> {
            List<Long> values = values(ratings, f -> true);
            long satisfied = values.stream().filter(r -> r >= 4).count();
            long negative = values.stream().filter(r -> r <= 2).count();
            Map<String, Number> row = row("ratings", (long) values.size());
            row.put("satisfied", satisfied);
            row.put("negative", negative);
            row.put("csat", 100.0 * satisfied / values.size());
            row.put("average_rating", Quantiles.mean(values));
            row.put("negative_rate", (double) negative / values.size());
            rows.put(agent, row);
        });
        return rows;
    }

    /** Volume, conversations handled (assigned), resolutions, reopens, reopen rate, surveys offered. */
    public Map<String, Map<String, Number>> activity() {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        group(Table.CONVERSATION_ACTIVITY, f -> true).forEach((agent, steps) -> {
            long resolutions = count(steps, Step.RESOLVED);
            long reopens = count(steps, Step.REOPENED);
            Map<String, Number> row = row("opened", count(steps, Step.OPENED));
            row.put("messages_in", count(steps, Step.CUSTOMER_MESSAGE));
            row.put("messages_out_agent", count(steps, Step.AGENT_MESSAGE));
            row.put("messages_out_bot", count(steps, Step.BOT_MESSAGE));
            row.put("handled", handled(steps));
            row.put("resolutions", resolutions);
            row.put("reopens", reopens);
            row.put("reopen_rate", resolutions == 0 ? null : (double) reopens / resolutions);
            row.put("surveys_offered", count(steps, Step.SURVEY_OFFERED));
            rows.put(agent, row);
        });
        return rows;
    }

    /** The agent report's conversations handled and resolutions. */
    public Map<String, Map<String, Number>> agentActivity() {
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        group(Table.CONVERSATION_ACTIVITY, f -> is(f, Step.ASSIGNED) || is(f, Step.RESOLVED)).forEach((agent, steps) -> {
            Map<String, Number> row = row("handled", handled(steps));
            row.put("resolutions", count(steps, Step.RESOLVED));
            rows.put(agent, row);
        });
        return rows;
    }

    /** Survey response rate: ratings / surveys offered, each counted in its own event's period. */
    public Map<String, Map<String, Number>> surveyResponses() {
        Map<String, List<Figure>> offered = group(Table.CONVERSATION_ACTIVITY, f -> is(f, Step.SURVEY_OFFERED));
        Map<String, List<Figure>> rated = group(Table.CSAT_RATINGS, f -> true);
        Map<String, Map<String, Number>> rows = new TreeMap<>();
        for (String agent : union(offered.keySet(), rated.keySet())) {
            long surveys = offered.getOrDefault(agent, List.of()).size();
            long ratings = rated.getOrDefault(agent, List.of()).size();
            Map<String, Number> row = row("surveys_offered", surveys);
            row.put("ratings", ratings);
            row.put("response_rate", surveys == 0 ? null : (double) ratings / surveys);
            rows.put(agent, row);
        }
        return rows;
    }

    /** The figures of a table in the scope, grouped by agent when the scope is per agent. */
    private Map<String, List<Figure>> group(Table table, Predicate<Figure> which) {
        Map<String, List<Figure>> groups = new TreeMap<>();
        for (Figure f : kpis.figures(table)) {
            if (inScope(f) && which.test(f)) {
                groups.computeIfAbsent(scope.byAgent() ? f.agentId() : "", a -> new ArrayList<>()).add(f);
            }
        }
        return groups;
    }

    private boolean inScope(Figure f) {
        return f.endedAt() >= scope.from() && f.endedAt() < scope.to()
                && (scope.queue().isEmpty() || scope.queue().equals(f.queueId()))
                && (scope.channel().isEmpty() || scope.channel().equals(kpis.channel(f.conversationId())));
    }

    private static Map<String, Number> distribution(List<Long> values) {
        Map<String, Number> row = new LinkedHashMap<>();
        List<Long> sorted = values.stream().sorted().toList();
        row.put("median_ms", sorted.isEmpty() ? null : Quantiles.inclusive(sorted, 0.5));
        row.put("p90_ms", sorted.isEmpty() ? null : Quantiles.inclusive(sorted, 0.9));
        row.put("p99_ms", sorted.isEmpty() ? null : Quantiles.inclusive(sorted, 0.99));
        row.put("mean_ms", sorted.isEmpty() ? null : Quantiles.mean(sorted));
        return row;
    }

    private static List<Long> values(List<Figure> figures, Predicate<Figure> which) {
        return figures.stream().filter(which).map(Figure::value).toList();
    }

    private static long handled(List<Figure> steps) {
        return steps.stream().filter(f -> is(f, Step.ASSIGNED)).map(Figure::conversationId).distinct().count();
    }

    private static long count(List<Figure> steps, Step step) {
        return steps.stream().filter(f -> is(f, step)).count();
    }

    private static boolean is(Figure step, Step kind) {
        return step.details().get(0).equals(kind.kind());
    }

    private static Map<String, Number> row(String column, Number value) {
        Map<String, Number> row = new LinkedHashMap<>();
        row.put(column, value);
        return row;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all.stream().sorted().toList();
    }
}
