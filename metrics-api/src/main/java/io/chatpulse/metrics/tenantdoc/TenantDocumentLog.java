package io.chatpulse.metrics.tenantdoc;

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
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecordBase;
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

/**
 * A compacted topic keyed by tenant, holding whole versions of one document per tenant (the topic
 * catalogue, the QA scorecard), as an admin API's store (decision 38): every tenant's newest
 * version, read from the topic, and a change written to it. There is no second copy to keep in
 * step: an instance that starts reads the topic. A feature names its topic, codec and settings in a
 * subclass, a bean of its own.
 *
 * <p>A read first catches up with the topic's end (committed records only), so an answer includes
 * every change acknowledged before the request, by any instance. A change is a compare-and-set: a
 * transactional producer under the one transactional id of every instance is started (which fences
 * any other instance's producer still between its read and its commit), the topic read to its end,
 * the tenant's version compared with the one the caller named, and the next version committed. If
 * another writer starts in between, this commit fails ({@link ConcurrentChangeException}), and the
 * reader of the topic (the KPI job reads committed records only) never sees it.
 */
public class TenantDocumentLog<T extends SpecificRecordBase> implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDocumentLog.class);

    private final TenantDocument document;
    private final String topic;
    private final EventCodec<T> codec;
    private final TenantDocumentSettings settings;
    private final Function<T, String> tenantOf;
    private final ToLongFunction<T> versionOf;
    /** The newest version read of every tenant; a version not newer than the one held is passed over, as the KPI job does. */
    private final Map<String, T> newest = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private List<TopicPartition> partitions;

    protected TenantDocumentLog(TenantDocument document, String topic, EventCodec<T> codec,
                                TenantDocumentSettings settings, Function<T, String> tenantOf,
                                ToLongFunction<T> versionOf) {
        this.document = document;
        this.topic = topic;
        this.codec = codec;
        this.settings = settings;
        this.tenantOf = tenantOf;
        this.versionOf = versionOf;
    }

    public TenantDocument document() {
        return document;
    }

    /** The tenant's newest version, after catching up with the topic. */
    public synchronized Optional<T> newest(String tenant) {
        catchUp();
        return Optional.ofNullable(newest.get(tenant));
    }

    /**
     * Writes {@code change} of the tenant's newest version (null: none yet) if that version is
     * {@code expected} (0: none yet), and answers the version written once it is acknowledged.
     */
    public synchronized T change(String tenant, long expected, UnaryOperator<T> change) {
        KafkaProducer<String, byte[]> producer = null;
        try {
            producer = new KafkaProducer<>(producerProperties());
            producer.initTransactions();
            catchUp();
            T held = newest.get(tenant);
            long current = held == null ? 0 : versionOf.applyAsLong(held);
            if (current != expected) {
                throw new StaleVersionException(document, expected, current);
            }
            T next = change.apply(held);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, tenant, codec.encode(next)))
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            producer.commitTransaction();
            newest.put(tenant, next);
            return next;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new ConcurrentChangeException(document);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProducerFencedException || e.getCause() instanceof InvalidProducerEpochException) {
                throw new ConcurrentChangeException(document);
            }
            throw new DocumentUnavailableException(document, "the " + topic + " topic did not acknowledge the change: "
                    + e.getCause().getMessage());
        } catch (TimeoutException | KafkaException e) {
            throw new DocumentUnavailableException(document, "cannot write the " + topic + " topic: " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentUnavailableException(document, "interrupted while writing the " + topic + " topic");
        } finally {
            if (producer != null) {
                producer.close(settings.timeout());
            }
        }
    }

    /** Reads the topic up to its end as it is now (its last committed record), from where it stopped. */
    private void catchUp() {
        Instant deadline = Instant.now().plus(settings.timeout());
        try {
            if (consumer == null) {
                open();
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, settings.timeout());
            while (partitions.stream().anyMatch(p -> consumer.position(p, settings.timeout()) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DocumentUnavailableException(document, "the " + topic + " topic was not read to its end within "
                            + settings.timeout());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
            }
        } catch (KafkaException e) {
            // Start again from the beginning at the next request: what was read may be incomplete.
            close();
            throw new DocumentUnavailableException(document, "cannot read the " + topic + " topic: " + e.getMessage());
        }
    }

    private void open() {
        consumer = new KafkaConsumer<>(consumerProperties());
        partitions = consumer.partitionsFor(topic, settings.timeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            close();
            throw new DocumentUnavailableException(document, "the topic " + topic + " does not exist");
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
            T version = codec.decode(record.value());
            T held = newest.get(tenantOf.apply(version));
            if (held == null || versionOf.applyAsLong(version) > versionOf.applyAsLong(held)) {
                newest.put(tenantOf.apply(version), version);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} offset {}: not a {} version, passed over: {}", record.topic(), record.offset(), document.name(),
                    e.getMessage());
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis());
        // Kafka wants the delivery timeout at least the request timeout plus linger.ms.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis() / 2);
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
