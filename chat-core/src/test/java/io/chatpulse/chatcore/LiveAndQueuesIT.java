package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.chatcore.support.EventStream;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Transactions, live streams, queue configuration and message content, against a real broker over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.demo-key=demo",
        "chatpulse.security.api-keys.live-key=live",
        "chatpulse.tenants.live.queues.vip.name=VIP",
        "chatpulse.tenants.live.queues.vip.skills=gold",
        "chatpulse.tenants.live.queues.vip.timezone=America/New_York",
        "chatpulse.tenants.live.queues.vip.business-hours.monday=09:00-17:00",
        "chatpulse.tenants.live.queues.vip.service-level-seconds=20"})
@Import(LiveApiTest.FixedClock.class)
@DirtiesContext
class LiveAndQueuesIT extends BrokerApiTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        useBroker("live", registry);
    }

    @Test
    void severalEventsOfOneCallAreOneCommittedTransaction() {
        long before = events.size(Topics.CONVERSATION_EVENTS);
        String id = open();
        api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "hi"));

        List<Class<?>> committed = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (committed.size() < 3 && System.nanoTime() < deadline) {
            committed = readCommitted(id); // markers are written just after the commit returns
        }
        assertThat(committed).containsExactly(ConversationOpened.class, ConversationQueued.class, MessagePosted.class);
        // Opened + Queued + the transaction's commit marker, then the message alone: one record needs no transaction
        assertThat(events.size(Topics.CONVERSATION_EVENTS) - before).isEqualTo(4);
    }

    @Test
    void aConversationStreamCarriesMessagesAndStateChangesAsTheyHappen() throws Exception {
        String id = open();
        try (EventStream stream = new EventStream(port, "/api/v1/conversations/" + id + "/stream", "demo-key")) {
            assertThat(stream.status()).isEqualTo(200);
            stream.awaitSubscribed();

            api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "anyone?"));
            List<EventStream.Event> message = stream.until("MessagePosted");
            api.post(path(id, "assignment"), json("agentId", "stream-agent"));
            List<EventStream.Event> assigned = stream.until("AgentAssigned");

            assertThat(message).hasSize(1);
            assertThat(message.get(0).data()).contains("\"text\":\"anyone?\"", "\"sender\":\"CUSTOMER\"",
                    "\"conversationId\":\"" + id + "\"", "\"state\":\"QUEUED\"");
            assertThat(assigned.get(0).data()).contains("\"agentId\":\"stream-agent\"", "\"state\":\"ASSIGNED\"");
        }
        assertThat(api.get("/api/v1/conversations/nope/stream").status()).isEqualTo(404);
    }

    @Test
    void anAgentStreamCarriesTheirAssignmentsAndTheMessagesOfTheirConversations() throws Exception {
        String id = open();
        String other = open();
        try (EventStream stream = new EventStream(port, "/api/v1/agents/agent-sse/stream", "demo-key")) {
            stream.awaitSubscribed();

            api.post(path(other, "messages"), json("sender", "CUSTOMER", "text", "not theirs"));
            api.post(path(id, "assignment"), json("agentId", "agent-sse"));
            api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "for agent-sse"));

            List<EventStream.Event> seen = stream.until("MessagePosted");
            assertThat(seen).extracting(EventStream.Event::name).containsExactly("AgentAssigned", "MessagePosted");
            assertThat(seen.get(1).data()).contains("for agent-sse");
        }
    }

    @Test
    void queuesShowTheirSettingsAndWhatWaitsInThem() {
        Api live = api.as("live-key");
        String first = open(live, "support");
        String second = open(live, "support");

        Api.Response list = live.get("/api/v1/queues");
        Api.Response support = live.get("/api/v1/queues/support");
        Api.Response vip = live.get("/api/v1/queues/vip");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("queueId")).containsExactly("support", "vip");
        assertThat(support.json().get("length").asInt()).isEqualTo(2);
        assertThat(support.json().get("configured").asBoolean()).isFalse();
        assertThat(support.json().get("serviceLevelSeconds").asInt()).isEqualTo(30);
        assertThat(support.json().get("oldestWaitingSince").asString()).isEqualTo(NOW.toString());
        assertThat(support.json().get("waiting").get(0).get("conversationId").asString()).isEqualTo(first);
        assertThat(support.json().get("waiting").get(1).get("conversationId").asString()).isEqualTo(second);
        assertThat(support.json().get("waiting").get(1).get("position").asInt()).isEqualTo(2);
        assertThat(vip.json().get("name").asString()).isEqualTo("VIP");
        assertThat(vip.json().get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(vip.json().get("serviceLevelSeconds").asInt()).isEqualTo(20);
        assertThat(vip.json().get("businessHours").get("monday").asString()).isEqualTo("09:00-17:00");
        assertThat(vip.json().get("openNow").asBoolean()).as("05:15 on a Monday in New York").isFalse();
        assertThat(live.get("/api/v1/queues/never-used").json().get("length").asInt()).isZero();
    }

    @Test
    void anAgentWithASkillTheQueueNamesServesIt() {
        Api live = api.as("live-key");
        live.put("/api/v1/agents/goldie/status", json("status", "ONLINE", "skills", List.of("gold")));

        Api.Response opened = live.post("/api/v1/conversations", json("queueId", "vip", "channel", "WEB", "customerId", "c"));

        assertThat(opened.json().get("assigneeId").asString()).isEqualTo("goldie");
        live.put("/api/v1/agents/goldie/status", json("status", "OFFLINE", "skills", List.of("gold")));
    }

    @Test
    void imagesAndFilesTravelByReference() {
        String id = open();
        Api.Response image = api.post(path(id, "messages"), json("sender", "CUSTOMER", "contentType", "IMAGE",
                "attachmentUrl", "https://files.example/p.png", "sizeBytes", 2048));

        assertThat(image.status()).as(image.text()).isEqualTo(201);
        assertThat(events.conversation(id).get(2).getPayload()).isEqualTo(new MessagePosted(
                image.json().get("messageId").asString(), io.chatpulse.events.SenderKind.CUSTOMER, null,
                ContentType.IMAGE, null, "https://files.example/p.png", 2048));
        assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "contentType", "FILE",
                "attachmentUrl", "https://files.example/big.zip", "sizeBytes", 10 * 1024 * 1024 + 1)), 400, "sizeBytes");
        assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "contentType", "FILE",
                "sizeBytes", 10)), 400, "attachmentUrl");
        assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "contentType", "FILE",
                "attachmentUrl", "file:///etc/passwd", "sizeBytes", 10)), 400, "attachmentUrl");
        assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER")), 400, "text");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String id = open();
        assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "x".repeat(70_000))),
                413, "body");
        assertThat(api.get("/api/v1/conversations/" + id).json().get("messageCount").asInt()).isZero();
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /** The payload types a read_committed consumer sees for one conversation. */
    private static List<Class<?>> readCommitted(String conversationId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONVERSATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Class<?>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read up to the end in time").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    ConversationEvent event = EventCodec.CONVERSATION.decode(r.value());
                    if (conversationId.equals(event.getConversationId())) {
                        seen.add(event.getPayload().getClass());
                    }
                });
            }
            return seen;
        }
    }
}
