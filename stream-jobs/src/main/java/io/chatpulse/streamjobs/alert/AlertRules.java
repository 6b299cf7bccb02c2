package io.chatpulse.streamjobs.alert;

import io.chatpulse.streamjobs.DurationText;
import io.chatpulse.streamjobs.calendar.BusinessCalendar;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.forecast.ForecastSettings;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Thresholds and windows of the alert rules, per tenant and queue, as Java properties. The most
 * specific key wins: {@code tenant.<t>.queue.<q>.<rule>.<setting>}, then
 * {@code tenant.<t>.<rule>.<setting>}, then {@code <rule>.<setting>}, then the default of
 * metrics.md. For example:
 *
 * <pre>
 * queue_wait.threshold=120s
 * queue_wait.clear-after=60s
 * queue_wait.outside-business-hours=false
 * queue_wait_forecast.level=0.5
 * queue_wait_forecast.hold=60s
 * queue_wait_forecast.clear-after=5m
 * queue_wait_forecast.outside-business-hours=false
 * tenant.acme.queue.vip.queue_wait.threshold=45s
 * pipeline_stalled.threshold=60s
 * frt_spike.window=15m
 * frt_spike.factor=2
 * frt_spike.baseline-days=7
 * frt_spike.min-days=3
 * frt_spike.min-responses=10
 * frt_spike.clear-after=15m
 * csat_drop.window=30m
 * csat_drop.z=3
 * csat_drop.baseline-days=7
 * csat_drop.min-days=3
 * csat_drop.min-ratings=10
 * csat_drop.clear-after=15m
 * volume_spike.window=5m
 * volume_spike.z=3
 * volume_spike.baseline-days=7
 * volume_spike.min-days=3
 * volume_spike.min-count=10
 * volume_spike.clear-after=15m
 * topic_spike.window=15m
 * topic_spike.z=3
 * topic_spike.baseline-days=7
 * topic_spike.min-days=3
 * topic_spike.min-count=10
 * topic_spike.clear-after=30m
 * # a weekly calendar (IANA zone; days mon..sun; no zone at any level: always open)
 * tenant.acme.calendar.zone=Europe/Berlin
 * tenant.acme.calendar.mon=09:00-17:00
 * tenant.acme.queue.night.calendar.zone=UTC
 * tenant.acme.queue.night.calendar.mon=00:00-06:00,22:00-24:00
 * # the live forecast and staffing advice (not a rule: its settings)
 * queue_forecast.service-level-target=80%
 * queue_forecast.service-level-time=30s
 * queue_forecast.arrival-window=15m
 * queue_forecast.handle-time-window=1h
 * queue_forecast.default-handle-time=5m
 * queue_forecast.min-handle-times=20
 * queue_forecast.min-abandons=5
 * queue_forecast.default-capacity=5
 * </pre>
 *
 * The calendars are {@link BusinessCalendars}: the KPI job reads the same settings for its
 * business-hours figures.
 */
public final class AlertRules implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String QUEUE_WAIT = "queue_wait";
    public static final String VOLUME_SPIKE = "volume_spike";
    public static final String CSAT_DROP = "csat_drop";
    public static final String FRT_SPIKE = "frt_spike";
    public static final String QUEUE_WAIT_FORECAST = "queue_wait_forecast";
    public static final String TOPIC_SPIKE = "topic_spike";

    /** The defaults of metrics.md. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("frt_spike.window", "15m"),
            Map.entry("frt_spike.factor", "2"),
            Map.entry("frt_spike.baseline-days", "7"),
            Map.entry("frt_spike.min-days", "3"),
            Map.entry("frt_spike.min-responses", "10"),
            Map.entry("frt_spike.clear-after", "15m"),
            Map.entry("csat_drop.window", "30m"),
            Map.entry("csat_drop.z", "3"),
            Map.entry("csat_drop.baseline-days", "7"),
            Map.entry("csat_drop.min-days", "3"),
            Map.entry("csat_drop.min-ratings", "10"),
            Map.entry("csat_drop.clear-after", "15m"),
            Map.entry("volume_spike.window", "5m"),
            Map.entry("volume_spike.z", "3"),
            Map.entry("volume_spike.baseline-days", "7"),
            Map.entry("volume_spike.min-days", "3"),
            Map.entry("volume_spike.min-count", "10"),
            Map.entry("volume_spike.clear-after", "15m"),
            Map.entry("topic_spike.window", "15m"),
            Map.entry("topic_spike.z", "3"),
            Map.entry("topic_spike.baseline-days", "7"),
            Map.entry("topic_spike.min-days", "3"),
            Map.entry("topic_spike.min-count", "10"),
            Map.entry("topic_spike.clear-after", "30m"),
            Map.entry("pipeline_stalled.threshold", "60s"),
            Map.entry("queue_wait.threshold", "120s"),
            Map.entry("queue_wait.clear-after", "60s"),
            Map.entry("queue_wait.outside-business-hours", "false"),
            Map.entry("queue_wait_forecast.level", "0.5"),
            Map.entry("queue_wait_forecast.hold", "60s"),
            Map.entry("queue_wait_forecast.clear-after", "5m"),
            Map.entry("queue_wait_forecast.outside-business-hours", "false"),
            Map.entry("queue_forecast.service-level-target", "80%"),
            Map.entry("queue_forecast.service-level-time", "30s"),
            Map.entry("queue_forecast.arrival-window", "15m"),
            Map.entry("queue_forecast.handle-time-window", "1h"),
            Map.entry("queue_forecast.default-handle-time", "5m"),
            Map.entry("queue_forecast.min-handle-times", "20"),
            Map.entry("queue_forecast.min-abandons", "5"),
            Map.entry("queue_forecast.default-capacity", "5"));

    private static final String FORECAST = "queue_forecast.";
    private static final List<String> FORECAST_DURATIONS = List.of("service-level-time", "arrival-window",
            "handle-time-window", "default-handle-time");
    private static final List<String> FORECAST_COUNTS = List.of("min-handle-times", "min-abandons", "default-capacity");

    private final Map<String, String> settings;
    private final BusinessCalendars calendars;
    private transient Map<String, Object> cache;

    private AlertRules(Map<String, String> settings) {
        this.settings = settings;
        this.calendars = BusinessCalendars.from(settings);
    }

    public static AlertRules defaults() {
        return new AlertRules(Map.of());
    }

    /** Properties text; lines may also be separated by {@code ;} (handy in an environment variable). */
    public static AlertRules parse(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text.replace(';', '\n')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name.strip(), props.getProperty(name).strip()));
        AlertRules rules = new AlertRules(settings);
        rules.validate();
        return rules;
    }

    /** A file's rules, then {@code inline} on top (either may be absent). */
    public static AlertRules load(Optional<String> file, Optional<String> inline) {
        StringBuilder text = new StringBuilder();
        file.ifPresent(f -> {
            try {
                text.append(Files.readString(Path.of(f))).append('\n');
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read ALERT_RULES_FILE " + f + ": " + e.getMessage());
            }
        });
        inline.ifPresent(text::append);
        return parse(text.toString());
    }

    /** The queue_wait rule of a tenant's queue. */
    public QueueWaitRule.Settings queueWait(String tenant, String queue) {
        return (QueueWaitRule.Settings) cached("qw|" + tenant + "|" + queue, () -> new QueueWaitRule.Settings(
                duration(tenant, queue, QUEUE_WAIT + ".threshold").toMillis(),
                duration(tenant, queue, QUEUE_WAIT + ".clear-after").toMillis(),
                Boolean.parseBoolean(setting(tenant, queue, QUEUE_WAIT + ".outside-business-hours")),
                calendar(tenant, queue).orElse(null)));
    }

    /** The queue_wait_forecast rule of a tenant's queue: held against the queue's queue_wait threshold. */
    public QueueWaitForecastRule.Settings queueWaitForecast(String tenant, String queue) {
        return (QueueWaitForecastRule.Settings) cached("qwf|" + tenant + "|" + queue, () ->
                new QueueWaitForecastRule.Settings(
                        duration(tenant, queue, QUEUE_WAIT + ".threshold").toMillis(),
                        share(QUEUE_WAIT_FORECAST + ".level", setting(tenant, queue, QUEUE_WAIT_FORECAST + ".level")),
                        duration(tenant, queue, QUEUE_WAIT_FORECAST + ".hold").toMillis(),
                        duration(tenant, queue, QUEUE_WAIT_FORECAST + ".clear-after").toMillis(),
                        Boolean.parseBoolean(setting(tenant, queue, QUEUE_WAIT_FORECAST + ".outside-business-hours")),
                        calendar(tenant, queue).orElse(null)));
    }

    /** The forecast settings of a tenant's queue. */
    public ForecastSettings forecast(String tenant, String queue) {
        return (ForecastSettings) cached("fc|" + tenant + "|" + queue, () -> new ForecastSettings(
                share(FORECAST + "service-level-target", setting(tenant, queue, FORECAST + "service-level-target")),
                positive(tenant, queue, FORECAST + "service-level-time"),
                positive(tenant, queue, FORECAST + "arrival-window"),
                positive(tenant, queue, FORECAST + "handle-time-window"),
                positive(tenant, queue, FORECAST + "default-handle-time"),
                count(FORECAST + "min-handle-times", setting(tenant, queue, FORECAST + "min-handle-times")),
                count(FORECAST + "min-abandons", setting(tenant, queue, FORECAST + "min-abandons")),
                count(FORECAST + "default-capacity", setting(tenant, queue, FORECAST + "default-capacity"))));
    }

    /** The volume_spike rule of a tenant's queue. */
    public VolumeSpikeRule.Settings volumeSpike(String tenant, String queue) {
        return againstBaseline("vs", VOLUME_SPIKE, ".z", ".min-count", tenant, queue, VolumeSpikeRule.Settings::new);
    }

    /**
     * The topic_spike rule of a tenant: one setting for all its topics ({@code tenant.<t>.topic_spike.*},
     * then {@code topic_spike.*}), counted over the tenant's queues together.
     */
    public VolumeSpikeRule.Settings topicSpike(String tenant) {
        return againstBaseline("ts", TOPIC_SPIKE, ".z", ".min-count", tenant, "", VolumeSpikeRule.Settings::new);
    }

    /** The frt_spike rule of a tenant's queue. */
    public FrtSpikeRule.Settings frtSpike(String tenant, String queue) {
        return againstBaseline("fs", FRT_SPIKE, ".factor", ".min-responses", tenant, queue, FrtSpikeRule.Settings::new);
    }

    /** The csat_drop rule of a tenant's queue. */
    public CsatDropRule.Settings csatDrop(String tenant, String queue) {
        return againstBaseline("cd", CSAT_DROP, ".z", ".min-ratings", tenant, queue, CsatDropRule.Settings::new);
    }

    /** The settings every rule against the same minutes of past days has, in the order its record takes them. */
    @FunctionalInterface
    private interface BaselineSettings<S> {
        S of(long windowMs, int baselineDays, int minDays, double threshold, int minCount, long clearAfterMs);
    }

    @SuppressWarnings("unchecked")
    private <S> S againstBaseline(String cacheTag, String rule, String threshold, String minCount, String tenant,
                                  String queue, BaselineSettings<S> settings) {
        return (S) cached(cacheTag + "|" + tenant + "|" + queue, () -> settings.of(
                duration(tenant, queue, rule + ".window").toMillis(),
                number(tenant, queue, rule + ".baseline-days").intValue(),
                number(tenant, queue, rule + ".min-days").intValue(),
                number(tenant, queue, rule + threshold),
                number(tenant, queue, rule + minCount).intValue(),
                duration(tenant, queue, rule + ".clear-after").toMillis()));
    }

    /** pipeline_stalled: how long the analytics may stand still while a tenant's events flow. */
    public long pipelineStallAfter(String tenant) {
        return (Long) cached("ps|" + tenant, () -> parseDuration("pipeline_stalled.threshold",
                setting(tenant, "", "pipeline_stalled.threshold")).toMillis());
    }

    /** The queue's business hours; empty: always open. */
    public Optional<BusinessCalendar> calendar(String tenant, String queue) {
        return calendars.of(tenant, queue);
    }

    /** Every queue's business hours. */
    public BusinessCalendars calendars() {
        return calendars;
    }

    private void validate() {
        // Parse every setting once now (the constructor parsed the calendars), so a typo stops the job at
        // start, not at the first event.
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(FORECAST + "service-level-target") || key.endsWith(QUEUE_WAIT_FORECAST + ".level")) {
                share(key, e.getValue());
            } else if (FORECAST_DURATIONS.stream().anyMatch(d -> key.endsWith(FORECAST + d))) {
                positiveDuration(key, e.getValue());
            } else if (FORECAST_COUNTS.stream().anyMatch(c -> key.endsWith(FORECAST + c))) {
                count(key, e.getValue());
            } else if (key.endsWith(".threshold") || key.endsWith(".clear-after") || key.endsWith(".window")
                    || key.endsWith(".hold")) {
                parseDuration(key, e.getValue());
            } else if (key.endsWith(".z") || key.endsWith("-days") || key.endsWith(".min-count")
                    || key.endsWith(".min-ratings") || key.endsWith(".min-responses") || key.endsWith(".factor")) {
                try {
                    Double.parseDouble(e.getValue());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("alert rule setting " + key + " must be a number: " + e.getValue());
                }
            }
        }
    }

    private String setting(String tenant, String queue, String name) {
        for (String prefix : prefixes(tenant, queue)) {
            String value = settings.get(prefix + name);
            if (value != null) {
                return value;
            }
        }
        return DEFAULTS.get(name);
    }

    private Double number(String tenant, String queue, String name) {
        String value = setting(tenant, queue, name);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("alert rule setting " + name + " must be a number: " + value);
        }
    }

    private Duration duration(String tenant, String queue, String name) {
        return parseDuration(name, setting(tenant, queue, name));
    }

    private long positive(String tenant, String queue, String name) {
        return positiveDuration(name, setting(tenant, queue, name)).toMillis();
    }

    private static Duration positiveDuration(String name, String text) {
        if (text.strip().startsWith("-")) {
            throw new IllegalArgumentException("setting " + name + " must not be negative: " + text);
        }
        Duration duration = parseDuration(name, text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("setting " + name + " must be longer than 0: " + text);
        }
        return duration;
    }

    /** A share written as a percentage ({@code 80%}) or a fraction ({@code 0.8}), strictly between 0 and 1. */
    static double share(String name, String text) {
        String value = text.strip();
        double share;
        try {
            share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be a share such as 80% or 0.8: " + text);
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("setting " + name + " must be over 0% and under 100%: " + text);
        }
        return share;
    }

    private static int count(String name, String text) {
        try {
            int count = Integer.parseInt(text.strip());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("setting " + name + " must be a whole number of at least 1: " + text);
    }

    private static List<String> prefixes(String tenant, String queue) {
        return List.of("tenant." + tenant + ".queue." + queue + ".", "tenant." + tenant + ".", "");
    }

    private synchronized Object cached(String key, java.util.function.Supplier<Object> compute) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        return cache.computeIfAbsent(key, k -> compute.get());
    }

    static Duration parseDuration(String name, String text) {
        return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException("alert rule setting " + name
                + " must be a duration such as 500ms, 10s, 5m or 2h: " + text));
    }

    @Override
    public String toString() {
        return settings.isEmpty() ? "defaults" : settings.toString();
    }
}
