package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import io.chatpulse.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each endpoint over real HTTP against a real Kafka broker: answers, recorded events (read back with EventCodec), problems, tenancy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.demo-key=demo",
        "chatpulse.security.api-keys.other-key=other"})
@Import(LiveApiTest.FixedClock.class)
@DirtiesContext
class ConversationApiIT extends BrokerApiTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        useBroker("conversations", registry);
    }

    @Nested
    class HappyPaths {

        @Test
        void openingAnswers201AndRecordsOpenedThenQueued() {
            long before = events.size(Topics.CONVERSATION_EVENTS);

            Api.Response opened = api.post("/api/v1/conversations",
                    json("queueId", "support", "channel", "APP", "customerId", "cust-9"));

            // Committed before the answer: the two events are on the topic the moment 201 arrives
            // (one more offset once the transaction's commit marker is written, just after the commit).
            assertThat(events.size(Topics.CONVERSATION_EVENTS)).isBetween(before + 2, before + 3);
            assertThat(opened.status()).isEqualTo(201);
            String id = opened.json().get("conversationId").asString();
            assertThat(opened.header("Location")).isEqualTo("/api/v1/conversations/" + id);
            assertThat(opened.json().get("state").asString()).isEqualTo("QUEUED");
            assertThat(opened.json().get("queueId").asString()).isEqualTo("support");
            assertThat(opened.json().get("queuePosition").asInt()).isPositive();

            List<ConversationEvent> recorded = events.conversation(id);
            assertThat(payloads(recorded)).containsExactly(
                    new ConversationOpened(Channel.APP, "cust-9", "support"),
                    new ConversationQueued("support", QueueReason.NEW));
            assertThat(recorded).allSatisfy(e -> {
                assertThat(e.getTenantId()).isEqualTo("demo");
                assertThat(e.getConversationId()).isEqualTo(id);
                assertThat(e.getEventTime()).isEqualTo(NOW.toEpochMilli());
            });
            assertThat(recorded.stream().map(ConversationEvent::getEventId).collect(Collectors.toSet())).hasSize(2);
        }

        @Test
        void aCustomerMessageAnswers201WithItsIdAndRecordsIt() {
            String id = open();

            Api.Response posted = api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "my bill?"));

            assertThat(posted.status()).isEqualTo(201);
            String messageId = posted.json().get("messageId").asString();
            assertThat(payloads(events.conversation(id))).last().isEqualTo(new MessagePosted(messageId,
                    SenderKind.CUSTOMER, null, ContentType.TEXT, "my bill?", null, 8));
            assertThat(api.get("/api/v1/conversations/" + id).json().get("messageCount").asInt()).isEqualTo(1);
        }

        @Test
        void assignmentAnswers200AndRecordsTheAgentAndQueue() {
            String id = open();

            Api.Response assigned = api.post(path(id, "assignment"), json("agentId", "agent-7"));

            assertThat(assigned.status()).isEqualTo(200);
            assertThat(assigned.json().get("state").asString()).isEqualTo("ASSIGNED");
            assertThat(assigned.json().get("assigneeId").asString()).isEqualTo("agent-7");
            assertThat(payloads(events.conversation(id))).last().isEqualTo(new AgentAssigned("agent-7", "support"));
        }

        @Test
        void anAgentMessageNamesTheAgent() {
            String id = assigned("agent-7");

            Api.Response posted = api.post(path(id, "messages"),
                    json("sender", "AGENT", "agentId", "agent-7", "text", "hi!"));

            assertThat(posted.status()).isEqualTo(201);
            assertThat(payloads(events.conversation(id))).last().isEqualTo(new MessagePosted(
                    posted.json().get("messageId").asString(), SenderKind.AGENT, "agent-7", ContentType.TEXT, "hi!",
                    null, 3));
        }

        @Test
        void resolutionRecordsTheResolvingAgentAndOffersTheSurvey() {
            String id = assigned("agent-3");

            Api.Response resolved = api.post(path(id, "resolution"), null);

            assertThat(resolved.status()).isEqualTo(200);
            assertThat(resolved.json().get("state").asString()).isEqualTo("RESOLVED");
            List<Object> recorded = payloads(events.conversation(id));
            assertThat(recorded.subList(recorded.size() - 2, recorded.size())).containsExactly(
                    new ConversationResolved("agent-3", SenderKind.AGENT), new SurveyOffered("agent-3"));
        }

        @Test
        void csatAnswers201AndIsCreditedToTheAgentAtResolution() {
            String id = resolved("agent-4");

            Api.Response rated = api.post(path(id, "csat"), json("rating", 5, "comment", "great"));

            assertThat(rated.status()).isEqualTo(201);
            assertThat(rated.json().get("rating").asInt()).isEqualTo(5);
            assertThat(rated.json().get("creditedAgentId").asString()).isEqualTo("agent-4");
            assertThat(payloads(events.conversation(id))).last().isEqualTo(new CsatSubmitted(5, "great", "agent-4"));
        }

        @Test
        void aWholeConversationIsRecordedInOrderOnItsKey() {
            String id = open();
            api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "hello"));
            api.post(path(id, "assignment"), json("agentId", "agent-1"));
            api.post(path(id, "messages"), json("sender", "AGENT", "agentId", "agent-1", "text", "hi"));
            api.post(path(id, "resolution"), null);
            api.post(path(id, "csat"), json("rating", 2));

            assertThat(payloads(events.conversation(id))).extracting(p -> p.getClass().getSimpleName()).containsExactly(
                    "ConversationOpened", "ConversationQueued", "MessagePosted", "AgentAssigned", "MessagePosted",
                    "ConversationResolved", "SurveyOffered", "CsatSubmitted");
            Api.Response shown = api.get("/api/v1/conversations/" + id);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().get("state").asString()).isEqualTo("RESOLVED");
            assertThat(shown.json().get("queueId").asString()).isEqualTo("support");
            assertThat(shown.json().get("messageCount").asInt()).isEqualTo(2);
            assertThat(shown.json().get("csatRating").asInt()).isEqualTo(2);
            assertThat(shown.json().get("creditedAgentId").asString()).isEqualTo("agent-1");
        }

        @Test
        void getShowsStateQueueAssigneeAndMessageCount() {
            String id = assigned("agent-2");

            Api.Response shown = api.get("/api/v1/conversations/" + id);

            assertThat(shown.json().get("conversationId").asString()).isEqualTo(id);
            assertThat(shown.json().get("state").asString()).isEqualTo("ASSIGNED");
            assertThat(shown.json().get("assigneeId").asString()).isEqualTo("agent-2");
            assertThat(shown.json().get("queueId").asString()).isEqualTo("support");
            assertThat(shown.json().get("messageCount").asInt()).isZero();
        }
    }

    @Nested
    class Problems {

        void assertProblem(Api.Response response, int status, String field, String reasonFragment) {
            assertThat(response.status()).as(response.text()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(status);
            assertThat(response.json().get("title").asString()).isNotBlank();
            assertThat(response.json().get("type").asString()).startsWith("urn:chatpulse:problem:");
            assertThat(response.json().get("errors")).anySatisfy(error -> {
                assertThat(error.get("field").asString()).isEqualTo(field);
                assertThat(error.get("reason").asString()).contains(reasonFragment);
            });
        }

        @Test
        void aMissingOrUnknownApiKeyIs401() {
            assertProblem(api.as(null).get("/api/v1/conversations/x"), 401, "X-Api-Key", "missing");
            assertProblem(api.as("nope").post("/api/v1/conversations", "{}"), 401, "X-Api-Key", "not known");
        }

        @Test
        void missingFieldsAre400NamingEachField() {
            Api.Response response = api.post("/api/v1/conversations", "{}");

            assertProblem(response, 400, "channel", "must not be null");
            assertProblem(response, 400, "customerId", "must not be blank");
        }

        @Test
        void aQueueIsRequiredUnlessABotAnswersFirst() {
            assertProblem(api.post("/api/v1/conversations", json("channel", "WEB", "customerId", "c")),
                    400, "queueId", "must not be blank");
        }

        @Test
        void malformedJsonIs400() {
            assertProblem(api.post("/api/v1/conversations", "{\"queueId\": "), 400, "body", "malformed JSON");
        }

        @Test
        void anUnknownEnumValueIs400NamingTheAllowedValues() {
            assertProblem(api.post("/api/v1/conversations", json("queueId", "q", "channel", "FAX", "customerId", "c")),
                    400, "channel", "[WEB, APP, SOCIAL, API]");
        }

        @Test
        void healthNeedsNoApiKey() {
            Api.Response health = api.as(null).get("/actuator/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
        }

        @Test
        void springsOwnErrorsHaveTheSameShape() {
            assertProblem(api.send("DELETE", "/api/v1/conversations/x", null, Map.of()), 405, "request", "DELETE");
            assertProblem(api.get("/api/v1/no-such-thing"), 404, "request", "No static resource");
        }

        @Test
        void anUnknownConversationIs404() {
            assertProblem(api.get("/api/v1/conversations/does-not-exist"), 404, "conversationId", "does-not-exist");
            assertProblem(api.post(path("does-not-exist", "resolution"), null), 404, "conversationId", "no conversation");
        }

        @Test
        void ratingAnUnresolvedConversationIs409AndRecordsNothing() {
            String id = assigned("agent-1");
            int before = events.conversation(id).size();

            assertProblem(api.post(path(id, "csat"), json("rating", 4)), 409, "state", "ASSIGNED");
            assertThat(events.conversation(id)).hasSize(before);
        }

        @Test
        void ratingTwiceIs409() {
            String id = resolved("agent-1");
            api.post(path(id, "csat"), json("rating", 4));

            assertProblem(api.post(path(id, "csat"), json("rating", 5)), 409, "state", "already answered");
        }

        @Test
        void messagingAResolvedConversationIs409() {
            String id = resolved("agent-1");

            assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "one more")),
                    409, "state", "RESOLVED");
        }

        @Test
        void aRatingOutsideOneToFiveIs400() {
            String id = resolved("agent-1");

            assertProblem(api.post(path(id, "csat"), json("rating", 0)), 400, "rating", "greater than or equal to 1");
            assertProblem(api.post(path(id, "csat"), json("rating", 6)), 400, "rating", "less than or equal to 5");
            assertThat(payloads(events.conversation(id))).last().isEqualTo(new SurveyOffered("agent-1"));
        }

        @Test
        void anEmptyOrOversizedMessageIs400() {
            String id = open();

            assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "")),
                    400, "text", "must not be blank");
            assertProblem(api.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "x".repeat(4001))),
                    400, "text", "at most 4000 characters");
            assertThat(events.conversation(id)).hasSize(2);
        }

        @Test
        void anAgentMessageNeedsTheAgentId() {
            String id = assigned("agent-1");

            assertProblem(api.post(path(id, "messages"), json("sender", "AGENT", "text", "hi")),
                    400, "agentId", "required");
        }

        @Test
        void anotherAgentThanTheAssigneeCannotPost() {
            String id = assigned("agent-1");

            assertProblem(api.post(path(id, "messages"), json("sender", "AGENT", "agentId", "agent-2", "text", "hi")),
                    409, "state", "not assigned");
        }
    }

    @Nested
    class Tenancy {

        @Test
        void anotherTenantsConversationIsInvisible() {
            String id = open();
            int before = events.conversation(id).size();
            Api other = api.as("other-key");

            assertThat(other.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
            assertThat(other.post(path(id, "messages"), json("sender", "CUSTOMER", "text", "hi")).status())
                    .isEqualTo(404);
            assertThat(other.post(path(id, "assignment"), json("agentId", "x")).status()).isEqualTo(404);
            assertThat(events.conversation(id)).hasSize(before);
            assertThat(api.get("/api/v1/conversations/" + id).status()).isEqualTo(200);
        }

        @Test
        void eventsCarryTheCallersTenant() {
            String id = open(api.as("other-key"), "support");

            assertThat(events.conversation(id)).extracting(ConversationEvent::getTenantId).containsOnly("other");
        }
    }
}
