package io.chatpulse.streamjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SurveyOffered;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import io.chatpulse.streamjobs.ConversationKpiJob;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.JobEnvironment;
import io.chatpulse.streamjobs.conversation.KpiTables;
import io.chatpulse.streamjobs.topic.Topic;
import io.chatpulse.streamjobs.topic.TopicTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Backfill throughput of ConversationKpiJob: pre-loads N events of simulated conversations (a day
 * of history, tenants {@code backfill-<millis>-*}) into {@code chatpulse.conversation-events}, then
 * runs the job bounded (SOURCE_BOUNDED=true, a consumer group of its own, so it reads the whole topic
 * and finishes) and reports events per second from job start until it has finished and its rows are
 * counted in ClickHouse. Against KAFKA_BOOTSTRAP_SERVERS / CLICKHOUSE_URL, same classpath as the job:
 *
 * <pre>
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events -cp "stream-jobs.jar:lib/*" \
 *   io.chatpulse.streamjobs.bench.BackfillBenchmark --events 2000000 [--parallelism 2 ...]
 * </pre>
 *
 * The job reads every record of the topic, also those of earlier runs: on a shared broker the rate
 * is over all of them.
 */
public final class BackfillBenchmark {

    public static final Map<String, String> DEFAULTS = Map.of("--events", "2000000", "--topics", "0",
            "--phrases", "10");
    public static final String USAGE = "usage: BackfillBenchmark [--events N (2000000)]"
            + " [--topics N (0) --phrases P (10): every tenant a catalogue of N topics of P phrases]"
            + " [job settings, e.g. --parallelism 2 --clickhouse-batch-size 20000]";
    private static final long TARGET_EVENTS_PER_SECOND = 100_000;
    private static final long PROGRESS_EVERY_MS = 5_000;
    /** One conversation opens every 0.5 s of event time: about 26 events a second, a day per 2 million. */
    private static final long OPEN_EVERY_MS = 500;
    private static final int TENANTS = 20;

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(System.getenv(), BenchmarkArgs.parseOrExit(USAGE, DEFAULTS, args)));
        System.exit(0);
    }

    public record Result(long recordsRead, long jobMillis, Map<String, Long> rows, String memory,
                         List<Progress> progress) {
        @Override
        public String toString() {
            return String.format("backfill: %,d events in %.1f s = %,.0f events/s (target >= %,d events/s),"
                    + " job start -> finished and rows counted in ClickHouse; %s; rows written %s; %s",
                    recordsRead, jobMillis / 1000.0, recordsRead * 1000.0 / jobMillis, TARGET_EVENTS_PER_SECOND,
                    steadyRate(), rows, memory);
        }

        /**
         * The rate between the first and the last progress line, past the start-up (MiniCluster, JIT)
         * and before the end: activity rows a second over the activity rows the whole run wrote an event.
         */
        String steadyRate() {
            long activityRows = rows.getOrDefault(KpiTables.ACTIVITY.name(), 0L);
            if (progress.size() < 2 || activityRows == 0) {
                return "too short for a steady rate";
            }
            Progress first = progress.get(0);
            Progress last = progress.get(progress.size() - 1);
            double rowsPerEvent = (double) activityRows / recordsRead;
            double rowsPerSecond = (last.activityRows() - first.activityRows()) * 1000.0
                    / (last.atMillis() - first.atMillis());
            return String.format("steady %,.0f events/s from %.0f s to %.0f s (%,.0f %s rows/s, %.3f an event)",
                    rowsPerSecond / rowsPerEvent, first.atMillis() / 1000.0, last.atMillis() / 1000.0,
                    rowsPerSecond, KpiTables.ACTIVITY.name(), rowsPerEvent);
        }
    }

    /** What a progress line counted: {@code activityRows} at {@code atMillis} after job start. */
    public record Progress(long atMillis, long activityRows) {
    }

    public static Result run(Map<String, String> environment, BenchmarkArgs args) throws Exception {
        Load load = Load.startingNow(args.number("--events"));
        JobConfig config = args.jobConfig(environment).with(JobConfig.KAFKA_GROUP_ID, load.tenantPrefix())
                .with(JobConfig.SOURCE_BOUNDED, "true");
        if (args.number("--topics") > 0) {
            config = config.with(JobConfig.TOPIC_CATALOGUE_FILE, catalogue(load.tenantPrefix(), (int) args.number("--topics"),
                    (int) args.number("--phrases")).toString());
        }
        String bootstrap = config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS);
        load(bootstrap, load);
        return runJob(config, load.tenantPrefix(), recordsInTopic(bootstrap));
    }

    /**
     * Runs the KPI job bounded on a MiniCluster of this JVM with {@code config} (its group, bounded) over
     * what the topic holds, {@code recordsRead} records, and counts the rows of {@code tenantPrefix}.
     */
    public static Result runJob(JobConfig config, String tenantPrefix, long recordsRead) throws Exception {
        long started = System.currentTimeMillis();
        StreamExecutionEnvironment flink = JobEnvironment.create(config);
        ConversationKpiJob.define(flink, config);
        JobClient job = flink.executeAsync("backfill-benchmark");
        try (Connection clickHouse = JobEnvironment.clickHouse(config).connect()) {
            List<Progress> progress = awaitFinished(millis -> {
                try {
                    job.getJobExecutionResult().get(millis, TimeUnit.MILLISECONDS);
                    return true;
                } catch (TimeoutException stillRunning) {
                    return false;
                }
            }, clickHouse, tenantPrefix, started);
            Map<String, Long> rows = rowsPerTable(clickHouse, tenantPrefix);
            return new Result(recordsRead, System.currentTimeMillis() - started, rows, ProcessMemory.describe(),
                    progress);
        }
    }

    /**
     * Every tenant's catalogue: {@code topics} topics of {@code phrases} phrases (those of
     * {@link TopicMatchingBenchmark}), the first also naming "order", which every simulated customer
     * message does: the job matches and writes topic rows as a tenant with a catalogue makes it.
     */
    private static Path catalogue(String tenantPrefix, int topics, int phrases) throws IOException {
        List<Topic> catalogue = new ArrayList<>(TopicMatchingBenchmark.catalogue(new Random(42), topics, phrases, 0));
        Topic first = catalogue.get(0);
        List<String> withOrder = new ArrayList<>(first.phrases());
        withOrder.add("order");
        catalogue.set(0, new Topic(first.name(), withOrder, first.patterns()));
        Map<String, List<Topic>> tenants = new TreeMap<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.put(tenantPrefix + "-" + t, catalogue);
        }
        Path file = Files.createTempFile("backfill-topics-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, new ObjectMapper().writeValueAsString(tenants));
        System.out.printf("catalogue: %d topics, %d phrases for each of %d tenants%n", catalogue.size(),
                catalogue.stream().mapToInt(topic -> topic.phrases().size()).sum(), TENANTS);
        return file;
    }

    /**
     * What is loaded: {@code events} events of simulated conversations from {@code startAt} on (event
     * time), tenants {@code <tenantPrefix>-0..19}. The same load gives the same events, on any broker.
     */
    public record Load(String tenantPrefix, long startAt, long events) {

        /** A day of history up to about now, tenants {@code backfill-<millis>-*}. */
        public static Load startingNow(long events) {
            long now = System.currentTimeMillis();
            return new Load("backfill-" + now, now - Duration.ofDays(1).toMillis(), events);
        }
    }

    /**
     * The rows the KPI job must store for the loaded events, counted from the events themselves: one
     * {@code conversation_activity} row per event of an activity kind (every kind but queued and
     * csat_submitted), by kind, and one {@code csat_ratings} row per rating.
     */
    public record ExpectedRows(Map<String, Long> activityByKind, long csatRatings) {

        public long activity() {
            return activityByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The activity kind of an event as the table's column names it; empty for an event that makes no activity row. */
    static Optional<String> activityKind(ConversationEvent event) {
        Object payload = event.getPayload();
        String kind;
        if (payload instanceof ConversationOpened) {
            kind = "opened";
        } else if (payload instanceof ConversationReopened) {
            kind = "reopened";
        } else if (payload instanceof ConversationResolved) {
            kind = "resolved";
        } else if (payload instanceof ConversationAbandoned) {
            kind = "abandoned";
        } else if (payload instanceof AgentAssigned) {
            kind = "assigned";
        } else if (payload instanceof ConversationTransferred) {
            kind = "transferred";
        } else if (payload instanceof SurveyOffered) {
            kind = "survey_offered";
        } else if (payload instanceof MessagePosted message) {
            kind = switch (message.getSender()) {
                case CUSTOMER -> "customer_message";
                case AGENT -> "agent_message";
                case BOT -> "bot_message";
                default -> null;
            };
        } else {
            kind = null;
        }
        return Optional.ofNullable(kind);
    }

    /** As fast as the broker takes them: big lz4 batches, one acknowledgement per batch. */
    public static ExpectedRows load(String bootstrap, Load load) throws Exception {
        SimulatedTraffic traffic = new SimulatedTraffic(42, load.tenantPrefix(), TENANTS, load.startAt(), OPEN_EVERY_MS);
        Map<String, Long> activity = new TreeMap<>();
        long ratings = 0;
        long events = load.events();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.currentTimeMillis();
        long reportAt = started + PROGRESS_EVERY_MS;
        try (KafkaProducer<String, ConversationEvent> producer = bulkProducer(bootstrap)) {
            for (long sent = 0; sent < events && failure.get() == null; sent++) {
                ConversationEvent event = traffic.next();
                activityKind(event).ifPresent(kind -> activity.merge(kind, 1L, Long::sum));
                if (event.getPayload() instanceof CsatSubmitted) {
                    ratings++;
                }
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(), event),
                        (metadata, e) -> failure.compareAndSet(null, e));
                if (System.currentTimeMillis() >= reportAt) {
                    System.out.printf("loading: %,d of %,d events sent%n", sent, events);
                    reportAt += PROGRESS_EVERY_MS;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the events failed", failure.get());
        }
        long millis = System.currentTimeMillis() - started;
        System.out.printf("loaded %,d events in %.1f s = %,.0f events/s (acks=1, lz4)%n",
                events, millis / 1000.0, events * 1000.0 / millis);
        return new ExpectedRows(Map.copyOf(activity), ratings);
    }

    private static KafkaProducer<String, ConversationEvent> bulkProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024)),
                new StringSerializer(), new EventSerde<>(EventCodec.CONVERSATION).serializer());
    }

    /** What a new consumer group of the bounded job reads: from the earliest to the latest offsets. */
    public static long recordsInTopic(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONVERSATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - earliest.get(end.getKey())).sum();
        }
    }

    /** A job the benchmark waits for: true once it has finished within {@code millis}; throws if it failed. */
    @FunctionalInterface
    public interface FinishingJob {
        boolean finishedWithin(long millis) throws Exception;
    }

    /** Waits for the job, printing the rows stored so far every 5 s; the progress lines. */
    public static List<Progress> awaitFinished(FinishingJob job, Connection clickHouse, String tenantPrefix,
                                               long started) throws Exception {
        List<Progress> progress = new ArrayList<>();
        while (!job.finishedWithin(PROGRESS_EVERY_MS)) {
            Progress now = new Progress(System.currentTimeMillis() - started,
                    count(clickHouse, KpiTables.ACTIVITY.name(), tenantPrefix));
            progress.add(now);
            System.out.printf("job running %.0f s: %,d conversation_activity rows so far%n",
                    now.atMillis() / 1000.0, now.activityRows());
        }
        return progress;
    }

    /** The tables the KPI job writes, in the order the results list them. */
    public static final List<String> TABLES = List.of(KpiTables.QUEUE_WAITS.name(), KpiTables.FIRST_RESPONSES.name(),
            KpiTables.REPLY_TIMES.name(), KpiTables.RESOLUTIONS.name(), KpiTables.HANDLE_TIMES.name(),
            KpiTables.CSAT_RATINGS.name(), KpiTables.ACTIVITY.name(), TopicTables.MESSAGE_TOPICS.name());

    /** Rows as inserted (no FINAL) per table: what the job wrote, counted the moment it is done. */
    public static Map<String, Long> rowsPerTable(Connection clickHouse, String tenantPrefix) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count(clickHouse, table, tenantPrefix));
        }
        return rows;
    }

    /** Rows per table as queries read them ({@code FINAL}: a row inserted twice counts once). */
    public static Map<String, Long> rowsPerTableFinal(Connection clickHouse, String tenantPrefix) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count(clickHouse, table + " FINAL", tenantPrefix));
        }
        return rows;
    }

    /** {@code conversation_activity} rows by kind, as queries read them ({@code FINAL}). */
    public static Map<String, Long> activityByKind(Connection clickHouse, String tenantPrefix) throws Exception {
        Map<String, Long> kinds = new TreeMap<>();
        try (Statement statement = clickHouse.createStatement();
             ResultSet rs = statement.executeQuery("SELECT toString(kind), count() FROM " + KpiTables.ACTIVITY.name()
                     + " FINAL WHERE startsWith(tenant_id, '" + tenantPrefix + "-') GROUP BY kind")) {
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getLong(2));
            }
        }
        return kinds;
    }

    /**
     * Where the rows the job stored, as queries read them, differ from those the loaded events call
     * for (activity rows by kind, ratings): empty when the run is exact.
     */
    public static List<String> exactnessProblems(ExpectedRows expected, Connection clickHouse, String tenantPrefix)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Long> kinds = activityByKind(clickHouse, tenantPrefix);
        if (!kinds.equals(new TreeMap<>(expected.activityByKind()))) {
            problems.add("conversation_activity by kind " + kinds + ", the events call for "
                    + new TreeMap<>(expected.activityByKind()));
        }
        long ratings = count(clickHouse, KpiTables.CSAT_RATINGS.name() + " FINAL", tenantPrefix);
        if (ratings != expected.csatRatings()) {
            problems.add("csat_ratings " + ratings + ", the events call for " + expected.csatRatings());
        }
        return problems;
    }

    /** Rows of {@code table} (as inserted; {@code "<table> FINAL"}: as read) of the tenants of the prefix. */
    private static long count(Connection clickHouse, String table, String tenantPrefix) throws Exception {
        try (Statement statement = clickHouse.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count() FROM " + table
                     + " WHERE startsWith(tenant_id, '" + tenantPrefix + "-')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
