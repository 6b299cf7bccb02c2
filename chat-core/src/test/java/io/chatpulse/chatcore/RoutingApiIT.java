package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Agents, routing, transfers, reopen, abandon, bot handoff, Idempotency-Key and concurrent calls, against a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.demo-key=demo",
        "chatpulse.security.api-keys.other-key=other",
        "chatpulse.security.api-keys.agents-key=agents",
        "chatpulse.security.api-keys.race-key=race"})
@Import(LiveApiTest.FixedClock.class)
@DirtiesContext
class RoutingApiIT extends BrokerApiTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        useBroker("routing", registry);
    }

    @Nested
    class AgentsAndRouting {

        // A tenant of its own: online agents here must not pick up the other tests' conversations.
        Api agents;

        @BeforeEach
        void asAgentsTenant() {
            agents = api.as("agents-key");
        }

        Api.Response status(String agent, String status, int capacity, String... skills) {
            return agents.put("/api/v1/agents/" + agent + "/status",
                    json("status", status, "capacity", capacity, "skills", List.of(skills)));
        }

        @Test
        void aStatusChangeIsRecordedOnTheAgentsKey() {
            Api.Response changed = status("ann", "ONLINE", 3, "vip");

            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("status").asString()).isEqualTo("ONLINE");
            List<AgentEvent> recorded = events.agent("ann");
            assertThat(recorded).hasSize(1);
            assertThat(recorded.get(0).getTenantId()).isEqualTo("agents");
            assertThat(recorded.get(0).getEventTime()).isEqualTo(NOW.toEpochMilli());
            assertThat(recorded.get(0).getPayload())
                    .isEqualTo(new AgentStatusChanged(AgentStatus.ONLINE, 3, List.of("vip")));
            status("ann", "OFFLINE", 3, "vip");
        }

        @Test
        void aSkilledFreeAgentGetsNewWorkAndHandsItBackWhenGoingOffline() {
            status("bob", "ONLINE", 1, "vip");

            Api.Response first = agents.post("/api/v1/conversations",
                    json("queueId", "vip", "channel", "WEB", "customerId", "c1"));
            Api.Response second = agents.post("/api/v1/conversations",
                    json("queueId", "vip", "channel", "WEB", "customerId", "c2"));

            String firstId = first.json().get("conversationId").asString();
            String secondId = second.json().get("conversationId").asString();
            assertThat(first.json().get("state").asString()).isEqualTo("ASSIGNED");
            assertThat(first.json().get("assigneeId").asString()).isEqualTo("bob");
            assertThat(second.json().get("state").asString()).as("bob is at capacity").isEqualTo("QUEUED");
            assertThat(second.json().get("queuePosition").asInt()).isEqualTo(1);
            assertThat(payloads(events.conversation(firstId))).last().isEqualTo(new AgentAssigned("bob", "vip"));

            status("bob", "OFFLINE", 1, "vip");

            assertThat(payloads(events.conversation(firstId))).endsWith(
                    new ConversationTransferred("bob", null, "vip"), new ConversationQueued("vip", QueueReason.REQUEUE));
            assertThat(agents.get("/api/v1/conversations/" + firstId).json().get("state").asString())
                    .isEqualTo("QUEUED");

            status("cy", "ONLINE", 5, "vip");

            assertThat(agents.get("/api/v1/conversations/" + firstId).json().get("assigneeId").asString())
                    .isEqualTo("cy");
            assertThat(agents.get("/api/v1/conversations/" + secondId).json().get("assigneeId").asString())
                    .isEqualTo("cy");
            status("cy", "OFFLINE", 5, "vip");
        }

        @Test
        void transferToAnotherQueueStartsANewWait() {
            String id = open(agents, "nobody-serves-this");
            agents.post(path(id, "assignment"), json("agentId", "dee"));

            Api.Response moved = agents.post(path(id, "transfer"), json("toQueueId", "also-unserved"));

            assertThat(moved.status()).isEqualTo(200);
            assertThat(moved.json().get("state").asString()).isEqualTo("QUEUED");
            assertThat(payloads(events.conversation(id))).endsWith(
                    new ConversationTransferred("dee", null, "also-unserved"),
                    new ConversationQueued("also-unserved", QueueReason.TRANSFER));
        }

        @Test
        void workIsNotGivenByHandToAnAgentWhoIsAway() {
            status("gus", "AWAY", 5, "nobody-serves-this");
            String id = open(agents, "nobody-serves-this");

            Api.Response refused = agents.post(path(id, "assignment"), json("agentId", "gus"));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("gus is AWAY");
            agents.post(path(id, "assignment"), json("agentId", "hal"));
            assertThat(agents.post(path(id, "transfer"), json("toAgentId", "gus")).status()).isEqualTo(409);
            assertThat(agents.get("/api/v1/conversations/" + id).json().get("assigneeId").asString()).isEqualTo("hal");
        }

        @Test
        void aWaitingCustomerMayAbandon() {
            String id = open(agents, "nobody-serves-this");

            Api.Response left = agents.post(path(id, "abandonment"), json("reason", "CUSTOMER_LEFT"));

            assertThat(left.status()).isEqualTo(200);
            assertThat(left.json().get("state").asString()).isEqualTo("ABANDONED");
            assertThat(payloads(events.conversation(id))).last()
                    .isEqualTo(new io.chatpulse.events.ConversationAbandoned("nobody-serves-this",
                            io.chatpulse.events.AbandonReason.CUSTOMER_LEFT));
        }

        @Test
        void aBotFirstConversationHandsOffIntoAQueue() {
            Api.Response opened = agents.post("/api/v1/conversations",
                    json("channel", "WEB", "customerId", "c", "botFirst", true));
            String id = opened.json().get("conversationId").asString();
            assertThat(opened.json().get("state").asString()).isEqualTo("BOT");

            Api.Response handedOff = agents.post(path(id, "handoff"), json("queueId", "nobody-serves-this"));

            assertThat(handedOff.json().get("state").asString()).isEqualTo("QUEUED");
            assertThat(payloads(events.conversation(id))).containsExactly(
                    new ConversationOpened(Channel.WEB, "c", null),
                    new ConversationQueued("nobody-serves-this", QueueReason.BOT_HANDOFF));
        }

        @Test
        void aReopenedConversationWaitsAgain() {
            String id = open(agents, "nobody-serves-this");
            agents.post(path(id, "assignment"), json("agentId", "eve"));
            agents.post(path(id, "resolution"), null);

            Api.Response reopened = agents.post(path(id, "reopen"), json("reopenedBy", "CUSTOMER"));

            assertThat(reopened.json().get("state").asString()).isEqualTo("QUEUED");
            assertThat(payloads(events.conversation(id))).endsWith(
                    new io.chatpulse.events.ConversationReopened(SenderKind.CUSTOMER),
                    new ConversationQueued("nobody-serves-this", QueueReason.REOPEN));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryWithTheSameKeyGetsTheFirstAnswerAndRecordsNothingNew() {
            String id = open();
            Map<String, String> key = Map.of("Idempotency-Key", "retry-1-" + id);
            String body = json("sender", "CUSTOMER", "text", "are you there?");

            Api.Response first = api.post(path(id, "messages"), body, key);
            Api.Response retry = api.post(path(id, "messages"), body, key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().get("messageId").asString()).isEqualTo(first.json().get("messageId").asString());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(events.conversation(id)).hasSize(3);
        }

        @Test
        void aKeyReusedForAnotherRequestIs422() {
            String id = open();
            Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + id);
            api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "a"), key);

            Api.Response reused = api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "b"), key);

            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(events.conversation(id)).hasSize(3);
        }

        @Test
        void keysBelongToOneTenant() {
            Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
            String body = json("queueId", "support", "channel", "WEB", "customerId", "c");

            String mine = api.post("/api/v1/conversations", body, key).json().get("conversationId").asString();
            String theirs = api.as("other-key").post("/api/v1/conversations", body, key)
                    .json().get("conversationId").asString();

            assertThat(Set.of(mine, theirs)).hasSize(2);
        }
    }

    @Nested
    class Concurrency {

        <T> List<T> inParallel(int times, java.util.function.IntFunction<T> call) throws Exception {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(times);
            try {
                var tasks = java.util.stream.IntStream.range(0, times)
                        .<java.util.concurrent.Callable<T>>mapToObj(i -> () -> call.apply(i)).toList();
                List<T> results = new java.util.ArrayList<>();
                for (var future : pool.invokeAll(tasks)) {
                    results.add(future.get());
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void parallelMessagesAreAllCountedAndRecorded() throws Exception {
            String id = open();

            List<Integer> statuses = inParallel(20, i -> api.post(path(id, "messages"),
                    json("sender", "CUSTOMER", "text", "message " + i)).status());

            assertThat(statuses).containsOnly(201);
            assertThat(api.get("/api/v1/conversations/" + id).json().get("messageCount").asInt()).isEqualTo(20);
            assertThat(payloads(events.conversation(id))).filteredOn(MessagePosted.class::isInstance).hasSize(20);
        }

        @Test
        void twoAgentsTakingTheSameConversationAtOnceOneWins() throws Exception {
            String id = open();

            List<Integer> statuses = inParallel(2, i -> api.post(path(id, "assignment"),
                    json("agentId", "racer-" + i)).status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(payloads(events.conversation(id))).filteredOn(AgentAssigned.class::isInstance).hasSize(1);
        }

        @Test
        void routingNeverExceedsAnAgentsCapacity() throws Exception {
            Api race = api.as("race-key");
            race.put("/api/v1/agents/fay/status", json("status", "ONLINE", "capacity", 3, "skills", List.of("race-q")));

            List<String> ids = inParallel(10, i -> race.post("/api/v1/conversations",
                    json("queueId", "race-q", "channel", "WEB", "customerId", "c" + i))
                    .json().get("conversationId").asString());

            List<String> states = ids.stream()
                    .map(id -> race.get("/api/v1/conversations/" + id).json().get("state").asString()).toList();
            assertThat(states).filteredOn("ASSIGNED"::equals).hasSize(3);
            assertThat(states).filteredOn("QUEUED"::equals).hasSize(7);
            assertThat(race.get("/api/v1/agents/fay").json().get("activeConversations").asInt()).isEqualTo(3);
            long assignments = ids.stream().flatMap(id -> payloads(events.conversation(id)).stream())
                    .filter(AgentAssigned.class::isInstance).count();
            assertThat(assignments).isEqualTo(3);
        }
    }
}
