package io.chatpulse.streamjobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatpulse.events.ConversationEvent;
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
        String tenantPrefix = "backfill-" + System.currentTimeMillis();
        JobConfig config = args.jobConfig(environment).with(JobConfig.KAFKA_GROUP_ID, tenantPrefix)
                .with(JobConfig.SOURCE_BOUNDED, "true");
        if (args.number("--topics") > 0) {
            config = config.with(JobConfig.TOPIC_CATALOGUE_FILE, catalogue(tenantPrefix, (int) args.number("--topics"),
                    (int) args.number("--phrases")).toString());
        }
        String bootstrap = config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS);
        load(bootstrap, tenantPrefix, args.number("--events"));
        long recordsRead = recordsInTopic(bootstrap);

        long started = System.currentTimeMillis();
        StreamExecutionEnvironment flink = JobEnvironment.create(config);
        ConversationKpiJob.define(flink, config);
        JobClient job = flink.executeAsync("backfill-benchmark");
        try (Connection clickHouse = JobEnvironment.clickHouse(config).connect()) {
            List<Progress> progress = awaitFinished(job, clickHouse, tenantPrefix, started);
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

    /** As fast as the broker takes them: big lz4 batches, one acknowledgement per batch. */
    private static void load(String bootstrap, String tenantPrefix, long events) throws Exception {
        long day = Duration.ofDays(1).toMillis();
        SimulatedTraffic traffic = new SimulatedTraffic(42, tenantPrefix, TENANTS, System.currentTimeMillis() - day,
                OPEN_EVERY_MS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.currentTimeMillis();
        long reportAt = started + PROGRESS_EVERY_MS;
        try (KafkaProducer<String, ConversationEvent> producer = bulkProducer(bootstrap)) {
            for (long sent = 0; sent < events && failure.get() == null; sent++) {
                ConversationEvent event = traffic.next();
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
    private static long recordsInTopic(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONVERSATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - earliest.get(end.getKey())).sum();
        }
    }

    private static List<Progress> awaitFinished(JobClient job, Connection clickHouse, String tenantPrefix,
                                                long started) throws Exception {
        List<Progress> progress = new ArrayList<>();
        while (true) {
            try {
                job.getJobExecutionResult().get(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
                return progress;
            } catch (TimeoutException stillRunning) {
                Progress now = new Progress(System.currentTimeMillis() - started,
                        count(clickHouse, KpiTables.ACTIVITY.name(), tenantPrefix));
                progress.add(now);
                System.out.printf("job running %.0f s: %,d conversation_activity rows so far%n",
                        now.atMillis() / 1000.0, now.activityRows());
            }
        }
    }

    private static Map<String, Long> rowsPerTable(Connection clickHouse, String tenantPrefix) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of(KpiTables.QUEUE_WAITS.name(), KpiTables.FIRST_RESPONSES.name(),
                KpiTables.REPLY_TIMES.name(), KpiTables.RESOLUTIONS.name(), KpiTables.HANDLE_TIMES.name(),
                KpiTables.CSAT_RATINGS.name(), KpiTables.ACTIVITY.name(), TopicTables.MESSAGE_TOPICS.name())) {
            rows.put(table, count(clickHouse, table, tenantPrefix));
        }
        return rows;
    }

    /** Rows as inserted (no FINAL): what the job wrote, counted the moment it is done. */
    private static long count(Connection clickHouse, String table, String tenantPrefix) throws Exception {
        try (Statement statement = clickHouse.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count() FROM " + table
                     + " WHERE startsWith(tenant_id, '" + tenantPrefix + "-')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
