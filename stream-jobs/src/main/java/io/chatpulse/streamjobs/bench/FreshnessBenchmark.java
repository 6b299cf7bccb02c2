package io.chatpulse.streamjobs.bench;

import io.chatpulse.bench.Percentiles;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import io.chatpulse.streamjobs.ConversationKpiJob;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.JobEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Freshness of ConversationKpiJob running live: a producer sends simulated conversations (tenant
 * {@code fresh-<millis>-0}) at a steady rate on a fixed schedule (open loop: a slow broker or job
 * does not slow it down), each event's time = the moment it is sent; after the warm-up, every
 * customer and agent message is a sample, timed from its event time to the moment its row of
 * {@code conversation_activity} is returned by a query ({@link ActivityVisibility}). With
 * {@code --topics 1} the tenant has a catalogue of one topic, "order", which every simulated customer
 * message names: every customer message is then a sample, timed to its row of {@code message_topics}
 * (the same INSERT updates its live heat-map cell, through V060's materialized view). The job starts
 * at the topic's current end (its group's offsets are set there first). Same classpath as the job:
 *
 * <pre>
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events -cp "stream-jobs.jar:lib/*" \
 *   io.chatpulse.streamjobs.bench.FreshnessBenchmark --rate 1000 --warmup-s 20 --duration-s 60 [job settings]
 * </pre>
 */
public final class FreshnessBenchmark {

    public static final Map<String, String> DEFAULTS = Map.of("--rate", "1000", "--warmup-s", "20",
            "--duration-s", "60", "--poll-ms", "50", "--topics", "0");
    public static final String USAGE = "usage: FreshnessBenchmark [--rate EVENTS_PER_S (1000)] [--warmup-s S (20)]"
            + " [--duration-s S (60)] [--poll-ms MS (50)] [--topics 0|1 (0)] [job settings, e.g. --clickhouse-flush-interval 200ms]";
    private static final long TARGET_P99_MS = 1_000;
    /** Issue 21: from a message to its cell in the live heat map. */
    private static final long TOPIC_TARGET_P99_MS = 3_000;
    private static final long PROGRESS_EVERY_MS = 5_000;
    private static final long DRAIN_MS = 30_000;

    private FreshnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(System.getenv(), BenchmarkArgs.parseOrExit(USAGE, DEFAULTS, args)));
        System.exit(0);
    }

    public record Result(long rate, int samples, int neverVisible, long p50, long p99, long max, String memory,
                         boolean topics) {
        @Override
        public String toString() {
            return String.format("freshness at %,d events/s: %,d message samples, event time -> row queryable in"
                    + " %s: p50 %d ms, p99 %d ms (target < %d ms), max %d ms;"
                    + " %d samples not visible within %d s; %s",
                    rate, samples, topics ? "message_topics (its live heat-map cell)" : "conversation_activity", p50,
                    p99, topics ? TOPIC_TARGET_P99_MS : TARGET_P99_MS, max, neverVisible, DRAIN_MS / 1000, memory);
        }
    }

    public static Result run(Map<String, String> environment, BenchmarkArgs args) throws Exception {
        long rate = args.number("--rate");
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 event a second: " + rate);
        }
        String group = "fresh-" + System.currentTimeMillis();
        boolean topics = args.number("--topics") == 1;
        JobConfig config = args.jobConfig(environment).with(JobConfig.KAFKA_GROUP_ID, group);
        if (topics) {
            config = config.with(JobConfig.TOPIC_CATALOGUE_FILE, catalogue(group + "-0").toString());
        }
        String bootstrap = config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS);
        startGroupAtEnd(bootstrap, group);
        StreamExecutionEnvironment flink = JobEnvironment.create(config);
        ConversationKpiJob.define(flink, config);
        JobClient job = flink.executeAsync("freshness-benchmark");
        try (Connection clickHouse = JobEnvironment.clickHouse(config).connect();
             ActivityVisibility visibility = new ActivityVisibility(clickHouse, group + "-0", args.number("--poll-ms"),
                     topics);
             KafkaProducer<String, ConversationEvent> producer = liveProducer(bootstrap)) {
            sendPaced(producer, new SimulatedTraffic(7, group, 1, System.currentTimeMillis(), 1_000), rate,
                    args.number("--warmup-s"), args.number("--duration-s"), visibility,
                    topics ? FreshnessBenchmark::isCustomerMessage : FreshnessBenchmark::isHumanMessage);
            awaitDrained(visibility);
            List<Long> latencies = new ArrayList<>(visibility.latencies());
            if (latencies.isEmpty()) {
                throw new IllegalStateException("no sample became visible", visibility.lastFailure());
            }
            latencies.sort(null);
            return new Result(rate, latencies.size(), visibility.stillAwaited(),
                    Percentiles.nearestRank(latencies, 0.5), Percentiles.nearestRank(latencies, 0.99),
                    latencies.get(latencies.size() - 1), ProcessMemory.describe(), topics);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Event {@code index} is due {@code index / rate} seconds after the start, whenever the ones before went. */
    static long dueAtNanos(long startNanos, long index, long perSecond) {
        return startNanos + index * 1_000_000_000L / perSecond;
    }

    private static void sendPaced(KafkaProducer<String, ConversationEvent> producer, SimulatedTraffic traffic,
                                  long rate, long warmupSeconds, long durationSeconds, ActivityVisibility visibility,
                                  Predicate<ConversationEvent> sampled) {
        long total = rate * (warmupSeconds + durationSeconds);
        long measuredFrom = rate * warmupSeconds;
        long start = System.nanoTime();
        long maxBehindNanos = 0;
        for (long i = 0; i < total; i++) {
            long due = dueAtNanos(start, i, rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            maxBehindNanos = Math.max(maxBehindNanos, System.nanoTime() - due);
            ConversationEvent event = traffic.next();
            long now = System.currentTimeMillis();
            event.setEventTime(now);
            producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(), event));
            if (i >= measuredFrom && sampled.test(event)) {
                visibility.await(event.getEventId(), now);
            }
            if ((i + 1) % (rate * PROGRESS_EVERY_MS / 1000) == 0) {
                System.out.printf("%s: %,d events sent, %,d samples visible, %,d awaited, at most %d ms behind"
                        + " schedule%n", i < measuredFrom ? "warm-up" : "measuring", i + 1,
                        visibility.latencies().size(), visibility.stillAwaited(), maxBehindNanos / 1_000_000);
            }
        }
    }

    private static boolean isHumanMessage(ConversationEvent event) {
        return event.getPayload() instanceof MessagePosted message
                && (message.getSender() == SenderKind.CUSTOMER || message.getSender() == SenderKind.AGENT);
    }

    private static boolean isCustomerMessage(ConversationEvent event) {
        return event.getPayload() instanceof MessagePosted message && message.getSender() == SenderKind.CUSTOMER;
    }

    /** The tenant's catalogue: one topic that every simulated customer message names. */
    private static Path catalogue(String tenant) throws IOException {
        Path file = Files.createTempFile("freshness-topics-", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, "{\"" + tenant + "\": [{\"name\": \"orders\", \"phrases\": [\"order\"]}]}");
        return file;
    }

    private static void awaitDrained(ActivityVisibility visibility) throws InterruptedException {
        long giveUpAt = System.currentTimeMillis() + DRAIN_MS;
        while (visibility.stillAwaited() > 0 && System.currentTimeMillis() < giveUpAt) {
            Thread.sleep(100);
        }
    }

    /** Commits the topic's current end offsets for the new group, so the job reads only what is sent now. */
    private static void startGroupAtEnd(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.CONVERSATION_EVENTS))
                    .allTopicNames().get().get(Topics.CONVERSATION_EVENTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.CONVERSATION_EVENTS, p.partition()),
                            p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            admin.alterConsumerGroupOffsets(group, ends.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())))).all().get();
        }
    }

    /** Each event on its way at once, as chat-core sends them live. */
    private static KafkaProducer<String, ConversationEvent> liveProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, "0"),
                new StringSerializer(), new EventSerde<>(EventCodec.CONVERSATION).serializer());
    }
}
