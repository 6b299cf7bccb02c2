package io.chatpulse.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.codec.EventCodec.ReleasedSchemas;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every current schema must read data written with every released version of it, and the
 * newest release must be the current schema: a change to a schema ships as a new
 * {@code released/NAME/vN.avsc}, checked here against all earlier ones.
 */
class SchemaCompatibilityTest {

    static Stream<EventCodec<?>> codecs() {
        return Stream.of(EventCodec.CONVERSATION, EventCodec.AGENT, EventCodec.ALERT,
                EventCodec.ALERT_COMMAND, EventCodec.ALERT_NOTIFICATION, EventCodec.DELIVERY_ATTEMPT,
                EventCodec.TOPIC_CATALOGUE, EventCodec.QA_SCORECARD);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void currentSchemaReadsEveryReleasedVersion(EventCodec<?> codec) {
        List<Schema> released = ReleasedSchemas.of(codec.schema().getName());
        assertThat(released).as("released versions of %s", codec.schema().getName()).isNotEmpty();
        for (Schema writer : released) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(codec.schema(), writer);
            assertThat(result.getType())
                    .as("%s reading a released version: %s", codec.schema().getName(), result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void newestReleaseIsTheCurrentSchema(EventCodec<?> codec) {
        List<Schema> released = ReleasedSchemas.of(codec.schema().getName());
        long newest = SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1));
        assertThat(newest)
                .as("the current %s must be released as the next vN.avsc", codec.schema().getName())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(codec.schema()));
    }
}
