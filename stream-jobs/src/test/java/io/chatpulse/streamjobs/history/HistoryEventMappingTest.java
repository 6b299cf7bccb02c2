package io.chatpulse.streamjobs.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryEventMappingTest {

    private static final String AT = "2026-03-02T09:15:04.250Z";
    private static final long AT_MS = Instant.parse(AT).toEpochMilli();

    private final EventMapping mapping = new EventMapping(Instant.parse("2026-06-01T00:00:00Z"));

    @Test
    void opened() throws Exception {
        ConversationEvent event = event("opened", "channel", "WEB", "customer", "c-9", "queue", "billing");
        assertThat(event.getTenantId()).isEqualTo("acme");
        assertThat(event.getConversationId()).isEqualTo("zd-1");
        assertThat(event.getEventTime()).isEqualTo(AT_MS);
        assertThat(event.getPayload()).isEqualTo(ConversationOpened.newBuilder().setChannel(Channel.WEB)
                .setCustomerId("c-9").setQueueId("billing").build());
    }

    @Test
    void openedWithoutCustomerCountsTheConversationAsItsCustomer() throws Exception {
        assertThat(event("opened").getPayload()).isEqualTo(ConversationOpened.newBuilder().setChannel(Channel.OTHER)
                .setCustomerId("zd-1").setQueueId(null).build());
    }

    @Test
    void queuedAssignedTransferred() throws Exception {
        assertThat(event("queued", "queue", "tech", "reason", "bot_handoff").getPayload()).isEqualTo(
                ConversationQueued.newBuilder().setQueueId("tech").setReason(QueueReason.BOT_HANDOFF).build());
        assertThat(event("queued", "queue", "tech").getPayload()).isEqualTo(
                ConversationQueued.newBuilder().setQueueId("tech").setReason(QueueReason.OTHER).build());
        assertThat(event("assigned", "agent", "anna", "queue", "tech").getPayload()).isEqualTo(
                AgentAssigned.newBuilder().setAgentId("anna").setQueueId("tech").build());
        assertThat(event("transferred", "from_agent", "anna", "to_queue", "billing").getPayload()).isEqualTo(
                ConversationTransferred.newBuilder().setFromAgentId("anna").setToQueueId("billing").build());
        assertThat(event("transferred", "to_agent", "ben").getPayload()).isEqualTo(
                ConversationTransferred.newBuilder().setToAgentId("ben").build());
    }

    @Test
    void messages() throws Exception {
        ConversationEvent agent = event("message", "sender", "agent", "agent", "anna", "message_id", "m-1",
                "text", " Hi! ");
        assertThat(agent.getPayload()).isEqualTo(MessagePosted.newBuilder().setMessageId("m-1")
                .setSender(SenderKind.AGENT).setSenderId("anna").setContentType(ContentType.TEXT).setText(" Hi! ").build());
        ConversationEvent file = event("message", "sender", "customer", "content_type", "file",
                "attachment_url", "https://x.example/a.pdf", "size_bytes", "1024");
        MessagePosted posted = (MessagePosted) file.getPayload();
        assertThat(posted.getMessageId()).as("named by its event").isEqualTo(file.getEventId());
        assertThat(posted.getContentType()).isEqualTo(ContentType.FILE);
        assertThat(posted.getSizeBytes()).isEqualTo(1024);
        assertThat(posted.getSenderId()).isNull();
    }

    @Test
    void endings() throws Exception {
        assertThat(event("resolved", "agent", "anna").getPayload()).isEqualTo(ConversationResolved.newBuilder()
                .setAgentId("anna").setResolvedBy(SenderKind.AGENT).build());
        assertThat(event("resolved").getPayload()).isEqualTo(ConversationResolved.newBuilder()
                .setResolvedBy(SenderKind.SYSTEM).build());
        assertThat(event("reopened").getPayload()).isEqualTo(ConversationReopened.newBuilder()
                .setReopenedBy(SenderKind.CUSTOMER).build());
        assertThat(event("reopened", "by", "agent").getPayload()).isEqualTo(ConversationReopened.newBuilder()
                .setReopenedBy(SenderKind.AGENT).build());
        assertThat(event("abandoned", "queue", "tech", "reason", "timed_out").getPayload()).isEqualTo(
                ConversationAbandoned.newBuilder().setQueueId("tech").setReason(AbandonReason.TIMED_OUT).build());
        assertThat(event("survey_offered", "agent", "anna").getPayload()).isEqualTo(
                SurveyOffered.newBuilder().setAgentId("anna").build());
        assertThat(event("csat_submitted", "rating", "2", "comment", "slow", "agent", "anna").getPayload()).isEqualTo(
                CsatSubmitted.newBuilder().setRating(2).setComment("slow").setAgentId("anna").build());
    }

    @Test
    void anOffsetTimeIsTheSameInstant() throws Exception {
        assertThat(mapping.event(fields("opened", "at", "2026-03-02T10:15:04.250+01:00")).getEventTime()).isEqualTo(AT_MS);
    }

    @Test
    void theEventIdIsAFunctionOfTheEventAlone() throws Exception {
        ConversationEvent utc = event("assigned", "agent", "anna");
        ConversationEvent offset = mapping.event(fields("assigned", "agent", " anna", "queue", null,
                "at", "2026-03-02T10:15:04.250+01:00", "rating", "9"));
        assertThat(offset.getEventId()).as("same event, other notation, an unused field").isEqualTo(utc.getEventId());
        assertThat(event("assigned", "agent", "ben").getEventId()).isNotEqualTo(utc.getEventId());
        assertThat(event("message", "sender", "customer", "message_id", "m-1").getEventId())
                .isNotEqualTo(event("message", "sender", "customer", "message_id", "m-2").getEventId());
    }

    @Test
    void refusesEachInvalidField() {
        assertRefused(without("opened", "tenant"), "tenant", "missing");
        assertRefused(without("opened", "conversation"), "conversation", "missing");
        assertRefused(without("opened", "type"), "type", "missing");
        assertRefused(without("opened", "at"), "at", "missing");
        assertRefused(fields("closed"), "type", "unknown type 'closed'");
        assertRefused(fields("opened", "at", "2026-03-02 09:15:04"), "at", "not an ISO-8601 time");
        assertRefused(fields("opened", "at", "2026-03-02T09:15:04"), "at", "not an ISO-8601 time with Z or an offset");
        assertRefused(fields("opened", "at", "2026-07-01T00:00:00Z"), "at", "in the future");
        assertRefused(fields("opened", "channel", "fax"), "channel", "'fax' is not one of web, app, social, api, other");
        assertRefused(fields("opened", "agnet", "anna"), "agnet", "unknown field");
        assertRefused(fields("queued"), "queue", "missing");
        assertRefused(fields("queued", "queue", "tech", "reason", "lunch"), "reason", "not one of new, bot_handoff");
        assertRefused(fields("assigned"), "agent", "missing");
        assertRefused(fields("message"), "sender", "missing");
        assertRefused(fields("message", "sender", "robot"), "sender", "'robot' is not one of customer, agent");
        assertRefused(fields("message", "sender", "agent"), "agent", "missing");
        assertRefused(fields("message", "sender", "customer", "size_bytes", "-1"), "size_bytes", "outside 0..");
        assertRefused(fields("transferred", "from_agent", "anna"), "to_agent", "needs to_agent or to_queue");
        assertRefused(fields("resolved", "by", "nobody"), "by", "not one of");
        assertRefused(fields("abandoned", "reason", "bored"), "reason", "not one of customer_left, timed_out, other");
        assertRefused(fields("csat_submitted"), "rating", "missing");
        assertRefused(fields("csat_submitted", "rating", "6"), "rating", "6 is outside 1..5");
        assertRefused(fields("csat_submitted", "rating", "0"), "rating", "0 is outside 1..5");
        assertRefused(fields("csat_submitted", "rating", "4.5"), "rating", "'4.5' is not a whole number");
    }

    private void assertRefused(Map<String, String> fields, String field, String reason) {
        assertThatThrownBy(() -> mapping.event(fields)).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private ConversationEvent event(String type, String... more) throws InvalidFieldException {
        return mapping.event(fields(type, more));
    }

    private static Map<String, String> without(String type, String field) {
        Map<String, String> fields = fields(type);
        fields.remove(field);
        return fields;
    }

    private static Map<String, String> fields(String type, String... more) {
        Map<String, String> fields = new HashMap<>(Map.of("tenant", "acme", "conversation", "zd-1", "type", type,
                "at", AT));
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }
}
