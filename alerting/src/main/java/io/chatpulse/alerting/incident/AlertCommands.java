package io.chatpulse.alerting.incident;

import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Writes operators' commands to {@link Topics#ALERT_COMMANDS}, keyed by tenant; the lifecycle applies
 * them, so they are as durable as the alerts. The API answers once the broker has the command.
 */
@Component
public class AlertCommands {

    private final KafkaProducer<String, byte[]> producer;

    public AlertCommands(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void send(AlertCommand command) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERT_COMMANDS, command.getTenantId(),
                    EventCodec.ALERT_COMMAND.encode(command))).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing a command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the command to " + Topics.ALERT_COMMANDS, e);
        }
    }
}
