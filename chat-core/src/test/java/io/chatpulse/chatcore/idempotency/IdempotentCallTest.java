package io.chatpulse.chatcore.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class IdempotentCallTest {

    private static final String POST = "POST /api/v1/conversations/c-1/messages 9f86d081";

    private final IdempotentCall call = new IdempotentCall("acme", "key-1", POST, false);

    @Test
    void aRetryDerivesTheSameIds() {
        IdempotentCall retry = new IdempotentCall("acme", "key-1", POST, false);

        assertThat(retry.eventId(0)).isEqualTo(call.eventId(0));
        assertThat(retry.eventId(1)).isEqualTo(call.eventId(1));
        assertThat(retry.messageId()).isEqualTo(call.messageId());
        assertThat(retry.conversationId()).isEqualTo(call.conversationId());
    }

    @Test
    void everyIdOfACallDiffers() {
        List<String> ids = IntStream.range(0, 10).mapToObj(call::eventId).collect(java.util.stream.Collectors.toList());
        ids.add(call.messageId());
        ids.add(call.conversationId());

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void anotherTenantKeyOrRequestDerivesOtherIds() {
        Set<String> firstEvents = Set.of(call.eventId(0),
                new IdempotentCall("other", "key-1", POST, false).eventId(0),
                new IdempotentCall("acme", "key-2", POST, false).eventId(0),
                new IdempotentCall("acme", "key-1", POST.replace("c-1", "c-2"), false).eventId(0));

        assertThat(firstEvents).hasSize(4);
    }

    @Test
    void partsCannotRunIntoEachOther() {
        assertThat(new IdempotentCall("acme", "k", POST, false).eventId(0))
                .isNotEqualTo(new IdempotentCall("acm", "ek", POST, false).eventId(0));
        assertThat(DerivedIds.uuid("ab", "c")).isNotEqualTo(DerivedIds.uuid("a", "bc"));
    }

    @Test
    void idsAreVersion8UuidsOfRfc9562() {
        UUID id = UUID.fromString(call.eventId(0));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).isEqualTo(call.eventId(0));
    }

    @Test
    void theCallTravelsInItsRecordsHeaders() {
        RecordHeaders headers = new RecordHeaders(call.headers());

        IdempotentCall read = IdempotentCall.of(headers, "acme").orElseThrow();

        assertThat(read.key()).isEqualTo("key-1");
        assertThat(read.request()).isEqualTo(POST);
        assertThat(read.inEventLog()).isTrue();
        assertThat(read.eventId(0)).isEqualTo(call.eventId(0));
        assertThat(IdempotentCall.of(new RecordHeaders(), "acme")).isEmpty();
    }
}
