package io.chatpulse.benchmarks;

import io.chatpulse.events.Topics;
import io.chatpulse.localstack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Takes {@link SoakSample}s of a running stack from outside: /proc, Kafka's admin API and SQL. */
final class StackProbe implements AutoCloseable {

    /** The consumer groups of the two Flink jobs reading the conversation events. */
    static final List<String> GROUPS = List.of("chatpulse-stream-jobs", "chatpulse-queue-monitor");

    private static final String NEWEST_MESSAGE = """
            SELECT toUnixTimestamp64Milli(max(at)), count() FROM conversation_activity
            WHERE kind IN ('customer_message', 'agent_message', 'bot_message')""";
    private static final long ANSWER_SECONDS = 10;

    private final LocalStack stack;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Admin admin;

    StackProbe(LocalStack stack) {
        this.stack = stack;
        pids.put("broker", stack.kafka().pid());
        pids.put("engine", stack.clickHouse().pid());
        pids.putAll(stack.applicationPids());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap()));
    }

    SoakSample sample(Duration elapsed) {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, Rss.megabytes(pid)));
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Long> lag = new LinkedHashMap<>();
        GROUPS.forEach(group -> lag.put(group, lag(group, ends)));
        long offsets = ends.isEmpty() ? -1 : ends.values().stream().mapToLong(Long::longValue).sum();
        double[] newest = newestMessage();
        return new SoakSample(elapsed, rss, lag, offsets, newest[0], (long) newest[1]);
    }

    /** Which process of the stack has ended, with the tail of its log: a soak run stops there. */
    Optional<String> firstDeath() {
        if (!stack.kafka().isAlive()) {
            return Optional.of("the Kafka broker died; see " + stack.kafka().log());
        }
        if (!stack.clickHouse().isAlive()) {
            return Optional.of("the ClickHouse engine died; see " + stack.clickHouse().log());
        }
        return stack.firstDeadApplication().map(p -> p.name() + " died; last lines of " + p.log() + ":\n" + p.tail(20));
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.CONVERSATION_EVENTS))
                    .allTopicNames().get(ANSWER_SECONDS, TimeUnit.SECONDS).get(Topics.CONVERSATION_EVENTS)
                    .partitions().stream().map(p -> new TopicPartition(Topics.CONVERSATION_EVENTS, p.partition()))
                    .toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(ANSWER_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Records the group has still to read. A partition without a committed offset counts whole:
     * the jobs start a new group from the beginning of the topic.
     */
    private long lag(String group, Map<TopicPartition, Long> ends) {
        if (ends.isEmpty()) {
            return -1;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ANSWER_SECONDS, TimeUnit.SECONDS);
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
            }).sum();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Age in seconds of the newest stored message (NaN before the first) and how many are stored. */
    private double[] newestMessage() {
        try (Connection connection = DriverManager.getConnection(stack.clickHouse().jdbcUrl(), "default", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(NEWEST_MESSAGE)) {
            row.next();
            long count = row.getLong(2);
            double age = count == 0 ? Double.NaN : (System.currentTimeMillis() - row.getLong(1)) / 1000.0;
            return new double[] {age, count};
        } catch (SQLException e) {
            return new double[] {Double.NaN, -1};
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
