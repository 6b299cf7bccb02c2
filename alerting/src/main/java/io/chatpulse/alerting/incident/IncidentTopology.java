package io.chatpulse.alerting.incident;

import io.chatpulse.alerting.alert.EventDecoder;
import io.chatpulse.alerting.route.NotificationRoutes;
import io.chatpulse.alerting.silence.Silence;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The alert lifecycle: alerts and commands, both repartitioned by tenant (grouping, silences and
 * inhibition are per tenant), into one processor over two changelogged stores, which writes the
 * notifications due to {@link Topics#ALERT_NOTIFICATIONS}. Sending happens outside the Streams
 * thread (the delivery package), so a slow receiver never stalls the lifecycle.
 */
public final class IncidentTopology {

    public static final String INCIDENT_STORE = "alert-incidents";
    public static final String SILENCE_STORE = "alert-silences";

    private IncidentTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, AlertEvent> alerts, NotificationRoutes routes,
            Duration tick, Duration retention, int partitions) {
        KStream<String, IncidentInput> alertInputs = alerts
                .selectKey((key, alert) -> alert.getTenantId(), Named.as("alert-by-tenant"))
                .repartition(Repartitioned.with(Serdes.String(), new EventSerde<>(EventCodec.ALERT))
                        .withName("alerts-by-tenant").withNumberOfPartitions(partitions))
                .mapValues(IncidentInput.Alert::new, Named.as("alert-input"));

        KStream<String, byte[]> rawCommands = builder.stream(Topics.ALERT_COMMANDS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alert-commands-source"));
        KStream<String, IncidentInput> commandInputs = EventDecoder
                .readable(rawCommands, "alert-command", EventCodec.ALERT_COMMAND, "tenant")
                .selectKey((key, command) -> command.getTenantId(), Named.as("command-by-tenant"))
                .repartition(Repartitioned.<String, AlertCommand>with(Serdes.String(), new EventSerde<>(EventCodec.ALERT_COMMAND))
                        .withName("alert-commands-by-tenant").withNumberOfPartitions(partitions))
                .mapValues(IncidentInput.Command::new, Named.as("command-input"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENT_STORE),
                Serdes.String(), new JsonSerde<>(Incident.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SILENCE_STORE),
                Serdes.String(), new JsonSerde<>(Silence.class)));

        IncidentPolicy policy = new IncidentPolicy(routes);
        alertInputs.merge(commandInputs, Named.as("incident-inputs"))
                .process(() -> new IncidentProcessor(policy, routes, tick, retention), Named.as("incident-lifecycle"),
                        INCIDENT_STORE, SILENCE_STORE)
                .to(Topics.ALERT_NOTIFICATIONS, Produced.with(Serdes.String(), new EventSerde<>(EventCodec.ALERT_NOTIFICATION))
                        .withName("notifications-sink"));
    }
}
