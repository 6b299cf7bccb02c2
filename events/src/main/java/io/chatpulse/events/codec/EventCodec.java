package io.chatpulse.events.codec;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.DeliveryAttempt;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.TopicCatalogueVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding of one event type: a 2-byte marker, the writer schema's
 * 64-bit fingerprint, then the binary body. The decoder knows every released version of
 * the schema (kept under {@code released/}), so records written by an older producer are
 * read into the current class by Avro's schema resolution, without a schema registry.
 * Instances are thread-safe.
 */
public final class EventCodec<T extends SpecificRecordBase> {

    public static final EventCodec<ConversationEvent> CONVERSATION =
            new EventCodec<>(ConversationEvent.getClassSchema());
    public static final EventCodec<AgentEvent> AGENT = new EventCodec<>(AgentEvent.getClassSchema());
    public static final EventCodec<AlertEvent> ALERT = new EventCodec<>(AlertEvent.getClassSchema());
    public static final EventCodec<AlertCommand> ALERT_COMMAND = new EventCodec<>(AlertCommand.getClassSchema());
    public static final EventCodec<AlertNotification> ALERT_NOTIFICATION =
            new EventCodec<>(AlertNotification.getClassSchema());
    public static final EventCodec<DeliveryAttempt> DELIVERY_ATTEMPT = new EventCodec<>(DeliveryAttempt.getClassSchema());
    public static final EventCodec<TopicCatalogueVersion> TOPIC_CATALOGUE =
            new EventCodec<>(TopicCatalogueVersion.getClassSchema());
    public static final EventCodec<QaScorecardVersion> QA_SCORECARD =
            new EventCodec<>(QaScorecardVersion.getClassSchema());

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private EventCodec(Schema schema) {
        this.schema = schema;
        SchemaStore.Cache released = new SchemaStore.Cache();
        ReleasedSchemas.of(schema.getName()).forEach(released::addSchema);
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema, released);
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T event) {
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getName(), e);
        }
    }

    /** Reads one event, or says precisely why the bytes are not one. */
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableEventException("empty record, expected an Avro single-object " + schema.getName(), null);
        }
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new UnreadableEventException("not Avro single-object encoded: " + e.getMessage(), e);
        } catch (MissingSchemaException e) {
            throw new UnreadableEventException("unknown schema version of " + schema.getName() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException("corrupt " + schema.getName() + " body: " + e, e);
        }
    }

    /** The released versions of a schema, oldest first, as read from the classpath. */
    static final class ReleasedSchemas {
        private ReleasedSchemas() {
        }

        static List<Schema> of(String name) {
            List<Schema> schemas = new java.util.ArrayList<>();
            for (int version = 1; ; version++) {
                String path = "/io/chatpulse/events/released/" + name + "/v" + version + ".avsc";
                try (InputStream in = EventCodec.class.getResourceAsStream(path)) {
                    if (in == null) {
                        return schemas;
                    }
                    schemas.add(new Schema.Parser().parse(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read released schema " + path, e);
                }
            }
        }
    }
}
