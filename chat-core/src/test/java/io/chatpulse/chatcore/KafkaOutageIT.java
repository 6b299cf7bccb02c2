package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.chatcore.support.TestBrokers;
import io.chatpulse.localstack.kafka.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the broker killed, a change is answered 503 with Retry-After and a problem body, within
 * the configured bound, and the conversation stays exactly as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaOutageIT {

    static KafkaBroker broker;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        broker = TestBrokers.start("outage");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void withKafkaDownChangesAre503AndStateIsUnchanged() {
        Api api = new Api(port, "demo-key");
        String id = api.post("/api/v1/conversations", json("queueId", "support", "channel", "WEB", "customerId", "c"))
                .json().get("conversationId").asString();
        String path = "/api/v1/conversations/" + id;
        assertThat(api.post(path + "/assignment", json("agentId", "agent-1")).status()).isEqualTo(200);
        assertThat(api.post(path + "/messages", json("sender", "CUSTOMER", "text", "before")).status()).isEqualTo(201);
        String before = api.get(path).text();

        broker.kill();

        long started = System.nanoTime();
        Api.Response message = api.post(path + "/messages", json("sender", "CUSTOMER", "text", "lost?"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertUnavailable(message);
        assertUnavailable(api.post(path + "/resolution", null));
        assertUnavailable(api.post(path + "/transfer", json("toQueueId", "billing")));
        assertUnavailable(api.put("/api/v1/agents/agent-9/status", json("status", "ONLINE")));
        assertUnavailable(api.post("/api/v1/conversations",
                json("queueId", "support", "channel", "WEB", "customerId", "c")));

        assertThat(api.get(path).text()).isEqualTo(before);
        assertThat(api.get(path).json().get("messageCount").asInt()).isEqualTo(1);
        assertThat(api.get(path).json().get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(api.get("/api/v1/agents/agent-9").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aFailedChangeIsNotRememberedUnderItsIdempotencyKey() {
        // Kafka is down since the first test; a 503 must not be replayed to the retry.
        Api api = new Api(port, "demo-key");
        broker.kill();
        Map<String, String> key = Map.of("Idempotency-Key", "k-503");
        String body = json("queueId", "support", "channel", "WEB", "customerId", "c");

        Api.Response first = api.post("/api/v1/conversations", body, key);
        Api.Response retry = api.post("/api/v1/conversations", body, key);

        assertUnavailable(first);
        assertUnavailable(retry);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("kafka");
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("nothing was changed");
    }
}
