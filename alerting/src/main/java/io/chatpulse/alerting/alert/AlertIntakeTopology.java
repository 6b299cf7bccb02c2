package io.chatpulse.alerting.alert;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake of {@link Topics#ALERTS}: every alert state change is logged and its latest state per key
 * (tenant, rule and scope) kept in the changelogged store {@link #LATEST_STATE_STORE}. Unreadable
 * records go to {@link Topics#DEAD_LETTER} unchanged, with the reason in headers.
 */
public final class AlertIntakeTopology {

    public static final String LATEST_STATE_STORE = "alert-latest-state";

    private static final Logger log = LoggerFactory.getLogger(AlertIntakeTopology.class);

    private AlertIntakeTopology() {
    }

    /** Adds the intake to {@code builder} and returns the readable alerts, in the order they came. */
    public static KStream<String, AlertEvent> build(StreamsBuilder builder) {
        KStream<String, byte[]> raw = builder.stream(Topics.ALERTS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts-source"));
        KStream<String, AlertEvent> alerts = EventDecoder.readable(raw, "alert", EventCodec.ALERT, "tenant, rule and scope")
                .peek((key, alert) -> log.info(describe(key, alert)), Named.as("alert-log"));
        // Tapped before the table: a table's cache may coalesce FIRING and RESOLVED of one key.
        alerts.toTable(Named.as("alert-latest"),
                Materialized.<String, AlertEvent, KeyValueStore<Bytes, byte[]>>as(LATEST_STATE_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new EventSerde<>(EventCodec.ALERT)));
        return alerts;
    }

    /** The one log line per alert state change. */
    static String describe(String key, AlertEvent alert) {
        return "alert received: tenant=" + alert.getTenantId()
                + " rule=" + alert.getRule()
                + " scope=" + alert.getScope()
                + " state=" + alert.getState()
                + " value=" + alert.getValue()
                + " threshold=" + alert.getThreshold()
                + " replay=" + alert.getReplay()
                + " key=" + key
                + " eventId=" + alert.getEventId();
    }
}
