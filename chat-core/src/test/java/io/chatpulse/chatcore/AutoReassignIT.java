package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.chatcore.support.EventLog;
import io.chatpulse.chatcore.support.TestBrokers;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.localstack.kafka.KafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The auto-reassign timer, wired for real: time moves on the injected clock and the conversation changes hands. */
class AutoReassignIT {

    static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));

    /** A clock the test moves. */
    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
        }
    }

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.start("reassign");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anUnansweredCustomerIsHandedToAnotherAgentOnceTheTimeIsUp() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChatCoreApplication.class,
                MovableClock.class).run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--chatpulse.routing.reassign-after=2m", "--chatpulse.routing.reassign-check-interval=100ms");
                EventLog events = new EventLog(broker.bootstrapServers())) {
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), "demo-key");
            api.put("/api/v1/agents/slow/status", json("status", "ONLINE", "capacity", 1));
            String id = api.post("/api/v1/conversations", json("queueId", "support", "channel", "WEB",
                    "customerId", "c")).json().get("conversationId").asString();
            api.put("/api/v1/agents/quick/status", json("status", "ONLINE", "capacity", 5));
            api.post("/api/v1/conversations/" + id + "/messages", json("sender", "CUSTOMER", "text", "hello?"));

            now.set(now.get().plusSeconds(119));
            assertThat(assigneeAfterTicks(api, id)).as("not yet due").isEqualTo("slow");

            now.set(now.get().plusSeconds(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!"quick".equals(assignee(api, id)) && System.nanoTime() < deadline) {
                Thread.sleep(50); // poll interval, bounded by the deadline
            }
            assertThat(assignee(api, id)).isEqualTo("quick");
            List<Object> payloads = events.conversation(id).stream().map(ConversationEvent::getPayload).toList();
            assertThat(payloads).endsWith(new ConversationTransferred("slow", "quick", null),
                    new AgentAssigned("quick", "support"));
        }
    }

    /** The assignee after the timer has certainly run a few times (its interval is 100 ms). */
    private static String assigneeAfterTicks(Api api, String id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        String assignee = assignee(api, id);
        while (System.nanoTime() < until && "slow".equals(assignee)) {
            Thread.sleep(50);
            assignee = assignee(api, id);
        }
        return assignee;
    }

    private static String assignee(Api api, String id) {
        return api.get("/api/v1/conversations/" + id).json().get("assigneeId").asString();
    }
}
