package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.e2e.cluster.SimulatorLoad.Acknowledged;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matching of the simulator's acknowledgements against the events read back, without engines. */
class AcknowledgedAgainstKafkaAndClickHouseTest {

    @Test
    void anAcknowledgedChangeWithoutEventsIsLost() {
        Acknowledged kept = Acknowledged.parse("message\tc-1\tk-1\t201");
        Acknowledged lost = Acknowledged.parse("message\tc-1\tk-2\t201");

        assertThat(AcknowledgedAgainstKafkaAndClickHouse.lost(List.of(kept, lost), Map.of("k-1", List.of(event("e-1", "c-1")))))
                .containsExactly(lost);
    }

    @Test
    void anEventOfAnotherConversationUnderTheKeyIsMisplaced() {
        Acknowledged change = Acknowledged.parse("message\tc-1\tk-1\t201");

        assertThat(AcknowledgedAgainstKafkaAndClickHouse.misplaced(List.of(change),
                Map.of("k-1", List.of(event("e-1", "c-1"), event("e-2", "c-2"))))).containsExactly(change);
        assertThat(AcknowledgedAgainstKafkaAndClickHouse.misplaced(List.of(change),
                Map.of("k-1", List.of(event("e-1", "c-1"))))).isEmpty();
    }

    @Test
    void anEventIdWrittenTwiceIsNamed() {
        assertThat(AcknowledgedAgainstKafkaAndClickHouse.twice(List.of(event("e-1", "c-1"), event("e-2", "c-1"),
                event("e-1", "c-1")))).containsExactly("e-1");
    }

    @Test
    void aLineOfTheSimulatorsFileIsRead() {
        assertThat(Acknowledged.parse("open\tc-1\tk-1\t201")).isEqualTo(new Acknowledged("open", "c-1", "k-1", 201));
        assertThat(Acknowledged.parse("agent-status\tagent-1\tk-2\t200").ofConversation()).isFalse();
    }

    private static ConversationEvent event(String eventId, String conversationId) {
        return ConversationEvent.newBuilder().setEventId(eventId).setTenantId("demo").setConversationId(conversationId)
                .setEventTime(0L).setPayload(MessagePosted.newBuilder().setMessageId(eventId).setSender(SenderKind.CUSTOMER)
                        .setContentType(ContentType.TEXT).setText("hello").build()).build();
    }
}
