package io.chatpulse.localstack.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes one record at a time, keyed over a few keys, each waited for (acks=all, idempotent) with
 * the producer timeouts chat-core gets on a cluster, so a send that fails here is a customer's
 * message chat-core would have refused. Keeps every acknowledged value, every failure, the times.
 */
final class SteadyWriter implements AutoCloseable {

    /** One send: when it started and how long until it was acknowledged or failed. */
    record Send(long startedAtMillis, long tookMillis, String failure) {
    }

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final Thread thread;

    SteadyWriter(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KafkaCluster.CLIENT_WAIT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KafkaCluster.CLIENT_WAIT.toMillis()),
                new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.thread = new Thread(this::write, "steady-writer");
        thread.start();
    }

    private void write() {
        for (int n = 0; running.get(); n++) {
            String value = topic + "#" + n + "@" + System.nanoTime();
            long started = System.currentTimeMillis();
            try {
                producer.send(new ProducerRecord<>(topic, "key-" + n % 12, value)).get(30, TimeUnit.SECONDS);
                acknowledged.add(value);
                sends.add(new Send(started, System.currentTimeMillis() - started, null));
            } catch (Exception e) {
                sends.add(new Send(started, System.currentTimeMillis() - started, String.valueOf(e.getCause())));
            }
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<String> failures() {
        return sends.stream().filter(s -> s.failure() != null).map(Send::failure).toList();
    }

    /** The slowest send, in ms. */
    long slowestMillis() {
        return sends.stream().mapToLong(Send::tookMillis).max().orElse(0);
    }

    /** The longest time between two acknowledgements, in ms: how long writing stood still. */
    long longestGapMillis() {
        List<Long> ackedAt = new ArrayList<>();
        sends.stream().filter(s -> s.failure() == null).forEach(s -> ackedAt.add(s.startedAtMillis() + s.tookMillis()));
        long longest = 0;
        for (int i = 1; i < ackedAt.size(); i++) {
            longest = Math.max(longest, ackedAt.get(i) - ackedAt.get(i - 1));
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
        producer.close();
    }
}
