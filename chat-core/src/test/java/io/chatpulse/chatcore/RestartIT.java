package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.chatcore.support.EventLog;
import io.chatpulse.chatcore.support.TestBrokers;
import io.chatpulse.events.Topics;
import io.chatpulse.localstack.kafka.KafkaBroker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restart loses nothing: conversations in every state, queues and agents are built in one
 * chat-core, it is stopped, a new one starts on the same broker, and every answer is the same;
 * routing then carries on with the rebuilt state.
 */
class RestartIT {

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.start("restart");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aNewInstanceAnswersExactlyAsTheOldOneAndRoutingContinues() {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> before;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            status(api, "ann", "ONLINE", 1, "support");
            status(api, "away-agent", "AWAY", 5);
            ids.put("resolvedAndRated", open(api, "support"));
            api.post(path(ids.get("resolvedAndRated"), "messages"), json("sender", "CUSTOMER", "text", "hi"));
            api.post(path(ids.get("resolvedAndRated"), "messages"), json("sender", "AGENT", "agentId", "ann", "text", "hello"));
            ok(api.post(path(ids.get("resolvedAndRated"), "resolution"), null));
            ok(api.post(path(ids.get("resolvedAndRated"), "csat"), json("rating", 4)));
            ids.put("assigned", open(api, "support")); // ann has room again
            api.post(path(ids.get("assigned"), "messages"), json("sender", "CUSTOMER", "text", "still there?"));
            ids.put("firstInSupport", open(api, "support"));
            ids.put("secondInSupport", open(api, "support"));
            ids.put("waitingForBilling", open(api, "billing"));
            ids.put("abandoned", open(api, "billing"));
            ok(api.post(path(ids.get("abandoned"), "abandonment"), null));
            ids.put("withBot", api.post("/api/v1/conversations",
                    json("channel", "APP", "customerId", "c", "botFirst", true)).json().get("conversationId").asString());
            before = snapshot(api, ids);
            assertThat(before.get("assigned")).contains("\"state\":\"ASSIGNED\"", "\"assigneeId\":\"ann\"");
            assertThat(before.get("secondInSupport")).contains("\"queuePosition\":2");
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(snapshot(api, ids)).isEqualTo(before);

            // routing continues: a new agent for billing gets the waiting conversation
            status(api, "bea", "ONLINE", 5, "billing");
            Api.Response billing = api.get("/api/v1/conversations/" + ids.get("waitingForBilling"));
            assertThat(billing.json().get("state").asString()).isEqualTo("ASSIGNED");
            assertThat(billing.json().get("assigneeId").asString()).isEqualTo("bea");
            // the rebuilt assignment is real: ann may answer, and a new wait lines up behind the old ones
            assertThat(api.post(path(ids.get("assigned"), "messages"),
                    json("sender", "AGENT", "agentId", "ann", "text", "yes")).status()).isEqualTo(201);
            assertThat(api.get("/api/v1/conversations/" + open(api, "support")).json().get("queuePosition").asInt())
                    .isEqualTo(3);
            // the rating of the first life still counts once
            assertThat(api.post(path(ids.get("resolvedAndRated"), "csat"), json("rating", 5)).status()).isEqualTo(409);
        }
    }

    /**
     * Idempotency-Keys are in the log with their events: after a restart a retry answers with
     * what the first call made and writes nothing. A second copy of an event (what a retry writes
     * when Kafka had taken the first attempt although it answered 503) counts once in the rebuild.
     */
    @Test
    void aRetryAfterARestartWritesNothingAndACopyOfAnEventCountsOnce() throws Exception {
        Map<String, String> openKey = Map.of("Idempotency-Key", "open-before-restart");
        Map<String, String> postKey = Map.of("Idempotency-Key", "post-before-restart");
        String openBody = json("queueId", "support", "channel", "WEB", "customerId", "c");
        String postBody = json("sender", "CUSTOMER", "text", "hello?");
        String id;
        String messageId;
        try (ConfigurableApplicationContext first = start(); EventLog log = new EventLog(broker.bootstrapServers())) {
            Api api = api(first).as("retry-key");
            id = ok(api.post("/api/v1/conversations", openBody, openKey)).json().get("conversationId").asString();
            messageId = ok(api.post(path(id, "messages"), postBody, postKey)).json().get("messageId").asString();
            List<ConsumerRecord<String, byte[]>> records = log.conversationRecords(id);
            writeAgain(records.get(records.size() - 1));
        }

        try (ConfigurableApplicationContext second = start(); EventLog log = new EventLog(broker.bootstrapServers())) {
            Api api = api(second).as("retry-key");
            long records = log.size(Topics.CONVERSATION_EVENTS);
            assertThat(api.get("/api/v1/conversations/" + id).json().get("messageCount").asInt()).isOne();

            Api.Response reopened = api.post("/api/v1/conversations", openBody, openKey);
            Api.Response reposted = api.post(path(id, "messages"), postBody, postKey);

            assertThat(reopened.status()).isEqualTo(201);
            assertThat(reopened.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(reopened.header("Location")).isEqualTo("/api/v1/conversations/" + id);
            assertThat(reopened.json().get("conversationId").asString()).isEqualTo(id);
            assertThat(reposted.status()).isEqualTo(201);
            assertThat(reposted.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(reposted.json().get("messageId").asString()).isEqualTo(messageId);
            assertThat(api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "other"), postKey).status())
                    .as("the key with another request").isEqualTo(422);
            assertThat(log.size(Topics.CONVERSATION_EVENTS)).as("records written by the retries").isEqualTo(records);
            assertThat(api.get("/api/v1/conversations/" + id).json().get("messageCount").asInt()).isOne();
        }
    }

    /** A copy of a record, headers and all, as a retry writes it. */
    private static void writeAgain(ConsumerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()))
                    .get();
        }
    }

    private static Map<String, String> snapshot(Api api, Map<String, String> ids) {
        Map<String, String> answers = new LinkedHashMap<>();
        ids.forEach((name, id) -> answers.put(name, ok(api.get("/api/v1/conversations/" + id)).text()));
        for (String agent : List.of("ann", "away-agent")) {
            answers.put("agent " + agent, ok(api.get("/api/v1/agents/" + agent)).text());
        }
        answers.put("queues", ok(api.get("/api/v1/queues")).text());
        return answers;
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments: builder properties() would rank below application.yml
        return new SpringApplicationBuilder(ChatCoreApplication.class, LiveApiTest.FixedClock.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--chatpulse.security.api-keys.restart-key=restart",
                        "--chatpulse.security.api-keys.retry-key=retries",
                        "--chatpulse.tenants.restart.queues.support.service-level-seconds=20");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "restart-key");
    }

    private static String open(Api api, String queue) {
        return ok(api.post("/api/v1/conversations", json("queueId", queue, "channel", "WEB", "customerId", "c")))
                .json().get("conversationId").asString();
    }

    private static void status(Api api, String agent, String status, int capacity, String... skills) {
        ok(api.put("/api/v1/agents/" + agent + "/status",
                json("status", status, "capacity", capacity, "skills", List.of(skills))));
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        return response;
    }

    private static String path(String id, String action) {
        return "/api/v1/conversations/" + id + "/" + action;
    }
}
