package io.chatpulse.streamjobs;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A job's settings: environment variables with defaults that work on the embedded stack, each
 * overridable on the command line as {@code --name value} or {@code --name=value}, where name is
 * the variable's name or its lower-case dashed form ({@code --kafka-bootstrap-servers}).
 */
public final class JobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One setting; a null default means "not set: the Flink environment's own". */
    public record Option(String name, String defaultValue, String description) implements Serializable {
        public String flag() {
            return "--" + name.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final Option KAFKA_BOOTSTRAP_SERVERS =
            new Option("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "Kafka bootstrap servers");
    public static final Option KAFKA_GROUP_ID =
            new Option("KAFKA_GROUP_ID", "chatpulse-stream-jobs", "consumer group; offsets are committed at checkpoints");
    public static final Option CLICKHOUSE_URL =
            new Option("CLICKHOUSE_URL", "jdbc:clickhouse://127.0.0.1:8123/default", "ClickHouse JDBC URL");
    public static final Option CLICKHOUSE_USER = new Option("CLICKHOUSE_USER", "default", "ClickHouse user");
    public static final Option CLICKHOUSE_PASSWORD = new Option("CLICKHOUSE_PASSWORD", "", "ClickHouse password");
    public static final Option CLICKHOUSE_BATCH_SIZE =
            new Option("CLICKHOUSE_BATCH_SIZE", "5000", "rows per insert at most");
    public static final Option CLICKHOUSE_FLUSH_INTERVAL =
            new Option("CLICKHOUSE_FLUSH_INTERVAL", "500ms", "insert buffered rows at least this often");
    public static final Option CLICKHOUSE_MAX_RETRIES =
            new Option("CLICKHOUSE_MAX_RETRIES", "5", "retries of a failed insert (backoff 1s doubling to 30s) before the job restarts");
    public static final Option CHECKPOINT_INTERVAL =
            new Option("CHECKPOINT_INTERVAL", "10s", "checkpoint interval (e.g. 500ms, 10s, 1m)");
    public static final Option CHECKPOINT_DIR =
            new Option("CHECKPOINT_DIR", null, "checkpoint storage URI (e.g. file:///data/checkpoints), checkpoints"
                    + " there are kept when the job stops; default: the environment's");
    public static final Option RESTORE_FROM =
            new Option("RESTORE_FROM", "auto", "where the state starts from: a checkpoint or savepoint path; 'latest':"
                    + " the newest checkpoint in CHECKPOINT_DIR (a local folder); 'none'; 'auto': 'latest' when"
                    + " CHECKPOINT_DIR is a local folder, else 'none' (so a restarted local runner resumes)");
    public static final Option STATE_BACKEND =
            new Option("STATE_BACKEND", null, "hashmap or rocksdb; default: the environment's (hashmap locally)");
    public static final Option PARALLELISM =
            new Option("PARALLELISM", null, "job parallelism; default: the environment's");
    public static final Option REORDER_WINDOW =
            new Option("REORDER_WINDOW", "0s", "how long the KPI job holds events to apply each conversation's in"
                    + " event-time order; 0: on arrival (chat-core writes a conversation's events in order). An event"
                    + " older than one its conversation has applied goes to the dead-letter topic");
    public static final Option SOURCE_IDLENESS =
            new Option("SOURCE_IDLENESS", "30s", "a Kafka partition silent this long no longer holds back the watermark");
    public static final Option STATE_TTL =
            new Option("STATE_TTL", "2d", "how long a conversation's state is kept after its last event (a later"
                    + " reopen starts its clocks afresh anyway)");
    public static final Option SOURCE_BOUNDED =
            new Option("SOURCE_BOUNDED", "false", "true: read up to the offsets that are latest at start, then finish (replays, tests)");
    /** Read by both jobs: the queue monitor's rules, and the business calendars the KPI job also measures with. */
    public static final Option ALERT_RULES_FILE = new Option("ALERT_RULES_FILE", null,
            "alert rule and business-hours calendar settings as a properties file (see README); default: metrics.md's"
                    + " rules, no calendar (always open)");
    public static final Option ALERT_RULES = new Option("ALERT_RULES", null,
            "the same settings inline, properties separated by ';', over ALERT_RULES_FILE");
    /** Read by the KPI job: the topics it tags customer messages and conversations with. */
    public static final Option TOPIC_CATALOGUE_FILE = new Option("TOPIC_CATALOGUE_FILE", null,
            "every tenant's topic catalogue as JSON (docs/kpi-topics.md); default: none (no topics)");
    public static final Option REST_PORT = new Option("REST_PORT", null, "port of the local MiniCluster's REST API"
            + " (GET /jobs/overview: job and task states); default: a random one; ignored on a cluster");

    public static final List<Option> OPTIONS = List.of(KAFKA_BOOTSTRAP_SERVERS, KAFKA_GROUP_ID, CLICKHOUSE_URL,
            CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_BATCH_SIZE, CLICKHOUSE_FLUSH_INTERVAL,
            CLICKHOUSE_MAX_RETRIES, CHECKPOINT_INTERVAL, CHECKPOINT_DIR, RESTORE_FROM, STATE_BACKEND, PARALLELISM,
            REORDER_WINDOW, SOURCE_IDLENESS, STATE_TTL, SOURCE_BOUNDED, ALERT_RULES_FILE, ALERT_RULES, TOPIC_CATALOGUE_FILE, REST_PORT);


    private final Map<String, String> values;

    private JobConfig(Map<String, String> values) {
        this.values = values;
    }

    /** Defaults, then the environment, then the arguments; an unknown argument is an error. */
    public static JobConfig from(Map<String, String> env, String... args) {
        return from(OPTIONS, env, args);
    }

    /** As {@link #from(Map, String...)}, for a job with its own list of settings. */
    public static JobConfig from(List<Option> options, Map<String, String> env, String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option option : options) {
            String fromEnv = env.get(option.name());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(option.name(), fromEnv.strip());
            } else if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                name = arg.substring(2);
                value = args[++i];
            }
            values.put(option(options, name).name(), value);
        }
        return new JobConfig(values);
    }

    /** A copy with one setting changed. */
    public JobConfig with(Option option, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(option.name(), value);
        return new JobConfig(copy);
    }

    public String get(Option option) {
        String value = values.get(option.name());
        if (value == null) {
            throw new IllegalStateException(option.name() + " is not set");
        }
        return value;
    }

    public Optional<String> find(Option option) {
        return Optional.ofNullable(values.get(option.name())).filter(v -> !v.isBlank());
    }

    public int getInt(Option option) {
        try {
            return Integer.parseInt(get(option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option.name() + " must be a whole number: " + get(option));
        }
    }

    public boolean getBoolean(Option option) {
        return Boolean.parseBoolean(get(option));
    }

    public Duration getDuration(Option option) {
        return parseDuration(option.name(), get(option));
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m} or {@code 5min}, {@code 2h}, {@code 30d}; a bare number is milliseconds. */
    static Duration parseDuration(String name, String text) {
        return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException(
                name + " must be a duration such as 500ms, 10s, 5m, 2h or 30d: " + text));
    }

    private static Option option(List<Option> options, String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return options.stream().filter(o -> o.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown option --" + name + "; known: "
                        + options.stream().map(Option::flag).toList()));
    }

    /** The text of {@code --help}. */
    public static String help(String job, String whatItDoes) {
        return help(job, whatItDoes, OPTIONS);
    }

    /** The text of {@code --help} of a job with its own list of settings. */
    public static String help(String job, String whatItDoes, List<Option> options) {
        StringBuilder text = new StringBuilder(job).append(": ").append(whatItDoes).append("\n\n")
                .append("Settings (environment variable, or --name value on the command line):\n");
        for (Option option : options) {
            text.append(String.format("  %-28s %-30s %s%n", option.name(), option.flag(),
                    option.description() + (option.defaultValue() == null ? ""
                            : " (default: " + (option.defaultValue().isEmpty() ? "empty" : option.defaultValue()) + ")")));
        }
        return text.toString();
    }
}
