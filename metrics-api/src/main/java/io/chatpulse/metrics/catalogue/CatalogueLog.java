package io.chatpulse.metrics.catalogue;

import io.chatpulse.events.Topics;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.codec.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The catalogue topic ({@link Topics#TOPIC_CATALOGUE}, compacted, keyed by tenant) as the API's
 * store (decision 38): every tenant's newest version, read from the topic, and a change written
 * to it. There is no second copy to keep in step: an instance that starts reads the topic.
 *
 * <p>A read first catches up with the topic's end (committed records only), so an answer includes
 * every change acknowledged before the request, by any instance. A change is a compare-and-set: a
 * transactional producer under the one transactional id of every instance is started (which fences
 * any other instance's producer still between its read and its commit), the topic read to its end,
 * the tenant's version compared with the one the caller named, and the next version committed. If
 * another writer starts in between, this commit fails ({@link ConcurrentChangeException}), and the
 * reader of the topic (the KPI job reads committed records only) never sees it.
 */
@Component
class CatalogueLog implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueLog.class);

    private final CatalogueProperties properties;
    /** The newest version read of every tenant; a version not newer than the one held is passed over, as the KPI job does. */
    private final Map<String, TopicCatalogueVersion> newest = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private List<TopicPartition> partitions;

    CatalogueLog(CatalogueProperties properties) {
        this.properties = properties;
    }

    /** The tenant's newest version, after catching up with the topic. */
    synchronized Optional<TopicCatalogueVersion> newest(String tenant) {
        catchUp();
        return Optional.ofNullable(newest.get(tenant));
    }

    /**
     * Writes {@code change} of the tenant's newest version (null: none yet) if that version is
     * {@code expected} (0: none yet), and answers the version written once it is acknowledged.
     */
    synchronized TopicCatalogueVersion change(String tenant, long expected,
                                              UnaryOperator<TopicCatalogueVersion> change) {
        KafkaProducer<String, byte[]> producer = null;
        try {
            producer = new KafkaProducer<>(producerProperties());
            producer.initTransactions();
            catchUp();
            TopicCatalogueVersion held = newest.get(tenant);
            long current = held == null ? 0 : held.getVersion();
            if (current != expected) {
                throw new StaleVersionException(expected, current);
            }
            TopicCatalogueVersion next = change.apply(held);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.TOPIC_CATALOGUE, tenant, EventCodec.TOPIC_CATALOGUE.encode(next)))
                    .get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            producer.commitTransaction();
            newest.put(tenant, next);
            return next;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new ConcurrentChangeException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProducerFencedException || e.getCause() instanceof InvalidProducerEpochException) {
                throw new ConcurrentChangeException();
            }
            throw new CatalogueUnavailableException("the catalogue topic did not acknowledge the change: "
                    + e.getCause().getMessage());
        } catch (TimeoutException | KafkaException e) {
            throw new CatalogueUnavailableException("cannot write the catalogue topic: " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogueUnavailableException("interrupted while writing the catalogue topic");
        } finally {
            if (producer != null) {
                producer.close(properties.timeout());
            }
        }
    }

    /** Reads the topic up to its end as it is now (its last committed record), from where it stopped. */
    private void catchUp() {
        Instant deadline = Instant.now().plus(properties.timeout());
        try {
            if (consumer == null) {
                open();
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, properties.timeout());
            while (partitions.stream().anyMatch(p -> consumer.position(p, properties.timeout()) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new CatalogueUnavailableException("the catalogue topic was not read to its end within "
                            + properties.timeout());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
            }
        } catch (KafkaException e) {
            // Start again from the beginning at the next request: what was read may be incomplete.
            close();
            throw new CatalogueUnavailableException("cannot read the catalogue topic: " + e.getMessage());
        }
    }

    private void open() {
        consumer = new KafkaConsumer<>(consumerProperties());
        partitions = consumer.partitionsFor(Topics.TOPIC_CATALOGUE, properties.timeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            close();
            throw new CatalogueUnavailableException("the topic " + Topics.TOPIC_CATALOGUE + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        newest.clear();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            TopicCatalogueVersion version = EventCodec.TOPIC_CATALOGUE.decode(record.value());
            TopicCatalogueVersion held = newest.get(version.getTenantId());
            if (held == null || version.getVersion() > held.getVersion()) {
                newest.put(version.getTenantId(), version);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} offset {}: not a topic catalogue version, passed over: {}", record.topic(), record.offset(),
                    e.getMessage());
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.timeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.timeout().toMillis());
        // Kafka wants the delivery timeout at least the request timeout plus linger.ms.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.timeout().toMillis() / 2);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    @Override
    public synchronized void destroy() {
        close();
    }
}
