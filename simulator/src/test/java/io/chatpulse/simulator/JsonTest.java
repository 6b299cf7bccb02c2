package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesFlatObjectsLeavingOutNulls() {
        assertThat(Json.object("text", "say \"hi\"\n", "rating", 4, "comment", null, "skills", List.of("a", "b")))
                .isEqualTo("{\"text\":\"say \\\"hi\\\"\\n\",\"rating\":4,\"skills\":[\"a\",\"b\"]}");
    }

    @Test
    void readsAStringFieldOfAnAnswer() {
        var reply = new ChatCoreClient.Reply(201, "{\"conversationId\":\"c-1\",\"assigneeId\":null}");

        assertThat(reply.field("conversationId")).contains("c-1");
        assertThat(reply.field("assigneeId")).isEmpty();
    }
}
