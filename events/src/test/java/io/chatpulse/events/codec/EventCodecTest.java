package io.chatpulse.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.CsatSubmitted;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final ConversationEvent rating = ConversationEvent.newBuilder()
            .setEventId("e-1").setTenantId("acme").setConversationId("c-1").setEventTime(1_700_000_000_000L)
            .setPayload(CsatSubmitted.newBuilder().setRating(4).setComment("quick").setAgentId("a-1").build())
            .build();

    @Test
    void roundTripsAnEventWithItsPayloadType() {
        byte[] bytes = EventCodec.CONVERSATION.encode(rating);

        assertThat(bytes[0]).as("single-object marker").isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(EventCodec.CONVERSATION.decode(bytes)).isEqualTo(rating);
    }

    @Test
    void randomBytesAreRejectedWithAReason() {
        assertThatThrownBy(() -> EventCodec.CONVERSATION.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not Avro single-object encoded");
    }

    @Test
    void anUnknownSchemaVersionIsRejectedWithAReason() {
        byte[] bytes = EventCodec.CONVERSATION.encode(rating);
        bytes[2] ^= 0x5A; // another fingerprint

        assertThatThrownBy(() -> EventCodec.CONVERSATION.decode(bytes))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("unknown schema version");
    }

    @Test
    void aTruncatedBodyIsRejectedWithAReason() {
        byte[] bytes = EventCodec.CONVERSATION.encode(rating);

        assertThatThrownBy(() -> EventCodec.CONVERSATION.decode(Arrays.copyOf(bytes, 14)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("corrupt ConversationEvent");
    }

    @Test
    void emptyRecordIsRejected() {
        assertThatThrownBy(() -> EventCodec.CONVERSATION.decode(new byte[0]))
                .isInstanceOf(UnreadableEventException.class);
    }
}
