package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.events.ConversationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the live API tests share: real HTTP to the running chat-core on its random port, a fixed
 * event clock, and short-hands for getting a conversation into a state.
 */
abstract class LiveApiTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port, "demo-key");
    }

    String open(Api as, String queue) {
        Api.Response opened = as.post("/api/v1/conversations",
                json("queueId", queue, "channel", "WEB", "customerId", "cust-1"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.json().get("conversationId").asString();
    }

    String open() {
        return open(api, "support");
    }

    String assigned(String agent) {
        String id = open();
        assertThat(api.post(path(id, "assignment"), json("agentId", agent)).status()).isEqualTo(200);
        return id;
    }

    String resolved(String agent) {
        String id = assigned(agent);
        assertThat(api.post(path(id, "resolution"), null).status()).isEqualTo(200);
        return id;
    }

    static String path(String id, String action) {
        return "/api/v1/conversations/" + id + "/" + action;
    }

    static List<Object> payloads(List<ConversationEvent> list) {
        return list.stream().map(ConversationEvent::getPayload).toList();
    }

}
