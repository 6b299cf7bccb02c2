package io.chatpulse.alerting.delivery;

import io.chatpulse.alerting.AlertingProperties;
import io.chatpulse.alerting.channel.Channel;
import io.chatpulse.alerting.channel.Channels;
import io.chatpulse.alerting.channel.DeliveryResult;
import io.chatpulse.alerting.incident.Incidents;
import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.DeliveryOutcome;
import io.chatpulse.events.NotificationAction;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the notifications of {@link Topics#ALERT_NOTIFICATIONS} on consumer threads of its own, never
 * the Streams thread: one worker per channel, each its own consumer group reading the records of its
 * channel only, so a receiver that is down or slow delays nobody else's pages. At least once (the
 * offset is committed after the outcome is recorded), with exponential backoff on retryable
 * failures, each attempt logged in one line and recorded on {@link Topics#ALERT_DELIVERIES}. A page
 * of a still-firing incident that used up its attempts is requeued at the end of the topic, so it is
 * retried until delivered without holding up the rest.
 */
@Component
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final Channels channels;
    private final Incidents incidents;
    private final DeliverySettings settings;
    private final DeliveryRecorder recorder;
    private final String bootstrapServers;
    private final String applicationId;
    private final int sessionTimeoutMs;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    public NotificationDispatcher(Channels channels, Incidents incidents, AlertingProperties properties,
            DeliveryRecorder recorder,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${spring.kafka.streams.application-id}") String applicationId,
            @Value("${spring.kafka.streams.properties.session.timeout.ms}") int sessionTimeoutMs) {
        this.channels = channels;
        this.incidents = incidents;
        this.settings = properties.delivery();
        this.recorder = recorder;
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    @Override
    public void start() {
        for (String name : channels.names()) {
            Worker worker = new Worker(name, channels.named(name).orElseThrow());
            workers.add(worker);
            worker.thread.start();
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        workers.forEach(Worker::wakeup);
        for (Worker worker : workers) {
            try {
                worker.thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return workers.stream().anyMatch(worker -> worker.thread.isAlive());
    }

    /** Delivers the notifications of one channel. */
    private final class Worker {
        private final String channelName;
        private final Channel channel;
        private final Thread thread;
        private volatile KafkaConsumer<String, byte[]> consumer;

        Worker(String channelName, Channel channel) {
            this.channelName = channelName;
            this.channel = channel;
            this.thread = new Thread(this::run, "alert-dispatcher-" + channelName);
        }

        void wakeup() {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        private void run() {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-dispatcher-" + channelName,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs,
                    // One record may take its attempts, timeouts and backoffs; the poll loop must outlast that.
                    ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                if (stopped()) {
                    return;
                }
                kafka.subscribe(List.of(Topics.ALERT_NOTIFICATIONS));
                while (!stopped()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    for (TopicPartition partition : records.partitions()) {
                        consume(kafka, partition, records.records(partition));
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.error("notification dispatcher of channel {} stopped", channelName, e);
            }
        }

        private void consume(KafkaConsumer<String, byte[]> kafka, TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (stopped()) {
                    return; // uncommitted: read again after the restart
                }
                if (!handle(record, channelName, channel)) {
                    kafka.seek(partition, record.offset()); // not finished: read it again
                    return;
                }
                kafka.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
        }
    }

    /** True when the record is done with (delivered, failed for good, or requeued). */
    private boolean handle(ConsumerRecord<String, byte[]> record, String channelName, Channel channel) {
        AlertNotification notification;
        try {
            notification = EventCodec.ALERT_NOTIFICATION.decode(record.value());
        } catch (UnreadableEventException e) {
            log.warn("unreadable notification at {}-{}@{}: {}; skipped", record.topic(), record.partition(), record.offset(), e.getMessage());
            return true;
        }
        if (!channelName.equals(notification.getChannel())) {
            return true; // another channel's worker delivers it
        }
        try {
            return deliver(notification, channel, priorAttempts(record));
        } catch (RuntimeException e) {
            log.error("cannot record a delivery of {}; will read it again", notification.getNotificationId(), e);
            pause(Duration.ofSeconds(1));
            return false;
        }
    }

    private boolean deliver(AlertNotification notification, Channel channel, int priorAttempts) {
        if (priorAttempts > 0 && pause(settings.backoff(priorAttempts))) {
            return false;
        }
        for (int attempt = priorAttempts + 1; ; attempt++) {
            long startedAt = System.currentTimeMillis();
            DeliveryResult result = channel.send(notification);
            long duration = System.currentTimeMillis() - startedAt;
            boolean retryable = result.kind() == DeliveryResult.Kind.RETRYABLE;
            boolean budgetLeft = attempt < settings.maxAttempts();
            boolean keepPaging = retryable && !budgetLeft && stillFiring(notification);
            DeliveryOutcome outcome = result.kind() == DeliveryResult.Kind.DELIVERED ? DeliveryOutcome.DELIVERED
                    : retryable && (budgetLeft || keepPaging) ? DeliveryOutcome.RETRYING : DeliveryOutcome.FAILED;
            recorder.attempt(notification, attempt, outcome, result, startedAt, duration);
            if (outcome != DeliveryOutcome.RETRYING) {
                return true;
            }
            if (keepPaging) {
                recorder.requeue(notification, attempt);
                return true;
            }
            if (pause(settings.backoff(attempt))) {
                return false;
            }
        }
    }

    private boolean stillFiring(AlertNotification n) {
        return n.getAction() == NotificationAction.TRIGGER
                && incidents.stillFiring(n.getTenantId(), n.getRule(), n.getScope(), n.getStartedAt());
    }

    private static int priorAttempts(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeliveryRecorder.ATTEMPTS_HEADER);
        return header == null ? 0 : Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Waits out a backoff; true when the app is stopping meanwhile. */
    private boolean pause(Duration duration) {
        try {
            return stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }
}
