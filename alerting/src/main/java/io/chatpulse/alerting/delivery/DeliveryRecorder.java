package io.chatpulse.alerting.delivery;

import io.chatpulse.alerting.channel.DeliveryResult;
import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.DeliveryAttempt;
import io.chatpulse.events.DeliveryOutcome;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records every delivery attempt in one log line and on {@link Topics#ALERT_DELIVERIES} (synchronously,
 * before the dispatcher commits), and requeues pages that must be tried again later.
 */
@Component
public class DeliveryRecorder {

    /** On a requeued notification: the attempts made so far. */
    static final String ATTEMPTS_HEADER = "chatpulse.delivery.attempts";
    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final KafkaProducer<String, byte[]> producer;

    public DeliveryRecorder(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    void attempt(AlertNotification n, int attempt, DeliveryOutcome outcome, DeliveryResult result, long at, long duration) {
        DeliveryAttempt entry = DeliveryAttempt.newBuilder()
                .setAttemptId(n.getNotificationId() + "#" + attempt)
                .setNotificationId(n.getNotificationId())
                .setTenantId(n.getTenantId()).setRule(n.getRule()).setScope(n.getScope())
                .setDedupKey(n.getDedupKey()).setChannel(n.getChannel()).setAction(n.getAction().name())
                .setAttempt(attempt).setOutcome(outcome).setStatusCode(result.statusCode()).setError(result.error())
                .setAttemptedAt(at).setDurationMs(duration)
                .build();
        log.info(describe(entry));
        send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, n.getTenantId(), EventCodec.DELIVERY_ATTEMPT.encode(entry)));
    }

    /** The one log line per delivery attempt. */
    static String describe(DeliveryAttempt a) {
        return "delivery attempt: outcome=" + a.getOutcome() + " channel=" + a.getChannel() + " action=" + a.getAction()
                + " attempt=" + a.getAttempt() + " status=" + (a.getStatusCode() == null ? "-" : a.getStatusCode())
                + " durationMs=" + a.getDurationMs() + " tenant=" + a.getTenantId() + " dedupKey=" + a.getDedupKey()
                + " notificationId=" + a.getNotificationId() + (a.getError() == null ? "" : " error=\"" + a.getError() + "\"");
    }

    /** Back at the end of the topic, with the attempts so far, so the other pages of the channel go first. */
    void requeue(AlertNotification n, int attempts) {
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.ALERT_NOTIFICATIONS,
                n.getDedupKey() + "|" + n.getChannel(), EventCodec.ALERT_NOTIFICATION.encode(n));
        again.headers().add(ATTEMPTS_HEADER, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        send(again);
        log.info("page of a still-firing incident requeued after {} attempts: notificationId={}", attempts, n.getNotificationId());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + record.topic(), e);
        }
    }
}
