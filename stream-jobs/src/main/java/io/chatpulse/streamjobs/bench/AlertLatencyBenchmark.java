package io.chatpulse.streamjobs.bench;

import io.chatpulse.bench.Percentiles;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.JobEnvironment;
import io.chatpulse.streamjobs.QueueMonitorJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Alert latency of queue_wait against a real broker: starts the queue monitor in this JVM (its own
 * consumer group, its own tenant {@code bench-...}), puts N customers into N queues with no agent,
 * one every {@code --spacing-ms}, and measures, per conversation, the time from the instant it
 * crossed the threshold (queuedAt + threshold, event time = producer clock) to the FIRING alert's
 * record timestamp on {@code chatpulse.alerts} (the sink's producer clock). Both clocks are this
 * machine's. Afterwards every conversation is assigned, so each alert resolves.
 *
 * <pre>
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events -cp "stream-jobs.jar:lib/*" \
 *   io.chatpulse.streamjobs.bench.AlertLatencyBenchmark --conversations 200 --spacing-ms 50 --threshold-ms 2000
 * </pre>
 *
 * KAFKA_BOOTSTRAP_SERVERS and CLICKHOUSE_URL as for the jobs (the monitor also writes its rows).
 * The alerts are real alerts of tenant bench-...: an alerting service on the same broker sees them.
 */
public final class AlertLatencyBenchmark {

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--conversations", "200", "--spacing-ms", "50",
                "--threshold-ms", "2000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("usage: AlertLatencyBenchmark [--conversations N] [--spacing-ms MS] [--threshold-ms MS]");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        Result result = run(System.getenv(), Integer.parseInt(options.get("--conversations")),
                Long.parseLong(options.get("--spacing-ms")), Long.parseLong(options.get("--threshold-ms")));
        System.out.println(result);
        System.exit(0);
    }

    public record Result(int conversations, int alerts, long p50, long p99, long max, long min) {
        @Override
        public String toString() {
            return String.format("queue_wait alert latency over %d conversations (%d alerts): p50 %d ms, p99 %d ms,"
                    + " min %d ms, max %d ms (threshold crossing in event time -> FIRING on %s)",
                    conversations, alerts, p50, p99, min, max, Topics.ALERTS);
        }
    }

    public static Result run(Map<String, String> environment, int conversations, long spacingMs, long thresholdMs)
            throws Exception {
        String tenant = "bench-" + System.currentTimeMillis();
        Map<String, String> env = new HashMap<>(environment);
        env.put("MONITOR_GROUP_ID", tenant);
        env.put("ALERT_RULES", "tenant." + tenant + ".queue_wait.threshold=" + thresholdMs + "ms;tenant." + tenant
                + ".queue_wait.clear-after=1s");
        env.putIfAbsent("CHECKPOINT_INTERVAL", "10s");
        JobConfig config = QueueMonitorJob.config(env);
        String bootstrap = config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS);

        StreamExecutionEnvironment flink = JobEnvironment.create(config);
        QueueMonitorJob.define(flink, config);
        JobClient job = flink.executeAsync("alert-latency-benchmark");
        try (KafkaConsumer<String, byte[]> alerts = consumer(bootstrap);
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            // Assigned, not subscribed: reading from the current end right away, no group join to wait for.
            List<TopicPartition> partitions = alerts.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            alerts.assign(partitions);
            alerts.seekToEnd(partitions);
            partitions.forEach(alerts::position);
            Thread.sleep(5_000); // the job's sources are assigned and reading
            Map<String, Long> crossesAt = new HashMap<>();
            for (int i = 0; i < conversations; i++) {
                long now = System.currentTimeMillis();
                String queue = "q" + i;
                crossesAt.put("queue:" + queue, now + thresholdMs);
                send(producer, event(tenant, "c" + i, now, ConversationQueued.newBuilder().setQueueId(queue)
                        .setReason(QueueReason.NEW).build()));
                Thread.sleep(spacingMs);
            }
            List<Long> latencies = new ArrayList<>();
            long deadline = System.currentTimeMillis() + thresholdMs + 60_000;
            while (latencies.size() < conversations && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : alerts.poll(Duration.ofMillis(200))) {
                    AlertEvent alert = EventCodec.ALERT.decode(record.value());
                    // queue_wait only: the queues have no agent, so queue_wait_forecast warns on them too.
                    if (alert.getTenantId().equals(tenant) && alert.getRule().equals("queue_wait")
                            && alert.getState() == AlertState.FIRING) {
                        latencies.add(record.timestamp() - crossesAt.get(alert.getScope()));
                        if (System.getenv("BENCH_DEBUG") != null) {
                            System.err.println("alert " + alert.getScope() + " latency " + latencies.get(latencies.size() - 1)
                                    + " eventTime " + alert.getEventTime() + " replay " + alert.getReplay());
                        }
                    }
                }
            }
            for (int i = 0; i < conversations; i++) {
                send(producer, event(tenant, "c" + i, System.currentTimeMillis(),
                        AgentAssigned.newBuilder().setAgentId("bench-agent").build()));
            }
            producer.flush();
            Collections.sort(latencies);
            if (latencies.isEmpty()) {
                throw new IllegalStateException("no alert arrived within " + (thresholdMs + 60_000) + " ms");
            }
            return new Result(conversations, latencies.size(), Percentiles.nearestRank(latencies, 0.5),
                    Percentiles.nearestRank(latencies, 0.99), latencies.get(latencies.size() - 1), latencies.get(0));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static ConversationEvent event(String tenant, String conversation, long at, Object payload) {
        return ConversationEvent.newBuilder().setEventId(conversation + "-" + at + "-" + System.nanoTime())
                .setTenantId(tenant).setConversationId(conversation).setEventTime(at).setPayload(payload).build();
    }

    private static void send(KafkaProducer<String, byte[]> producer, ConversationEvent event) {
        producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(),
                EventCodec.CONVERSATION.encode(event)));
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-latency-benchmark-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
