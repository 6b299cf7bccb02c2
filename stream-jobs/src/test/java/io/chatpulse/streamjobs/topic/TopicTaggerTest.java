package io.chatpulse.streamjobs.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.TestConversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private static final TopicCatalogue CATALOGUE = new TopicCatalogue(Map.of("acme", List.of(
            new Topic("returns", List.of("return", "退货"), List.of()),
            new Topic("delivery", List.of("parcel", "快递"), List.of()),
            new Topic("payment", List.of("card"), List.of()))));

    private final TopicTagger tagger = new TopicTagger(CATALOGUE);
    private final TopicState state = new TopicState();
    private final Recorder out = new Recorder();
    private final TestConversation c = new TestConversation("acme", "c1");

    @Test
    void eachCustomerMessageHasItsTopicsAndTheConversationItsFirstAsContactReason() {
        tag(c.customerSays(1_000, "hello"));
        tag(c.customerSays(2_000, "my parcel is late, can I return it?"));
        tag(c.customerSays(3_000, "退货 please, and the card was charged"));
        assertThat(out.messages).extracting(MessageTopic::eventId, MessageTopic::topic, MessageTopic::rank, MessageTopic::queueId)
                .containsExactly(
                        tagged("c1-e2", "delivery", 1), tagged("c1-e2", "returns", 2),
                        tagged("c1-e3", "returns", 1), tagged("c1-e3", "payment", 2));
        assertThat(out.conversations).extracting(ConversationTopic::topic, ConversationTopic::contactReason,
                ConversationTopic::eventId, ConversationTopic::at).containsExactly(
                Tuple.tuple("delivery", true, "c1-e2", 2_000L),
                Tuple.tuple("returns", false, "c1-e2", 2_000L),
                Tuple.tuple("payment", false, "c1-e3", 3_000L));
        assertThat(state.named).containsExactly("delivery", "returns", "payment");
    }

    @Test
    void agentBotAndTextlessMessagesAreNotTagged() {
        tag(c.agentMessage(1_000, "agent-1"));
        tag(c.message(2_000, SenderKind.BOT, "bot-1", "return"));
        tag(c.message(3_000, SenderKind.AGENT, "agent-1", "your parcel"));
        tag(c.message(4_000, SenderKind.CUSTOMER, null, null));
        tag(c.opened(5_000, "q1"));
        assertThat(out.messages).isEmpty();
        assertThat(out.conversations).isEmpty();
    }

    @Test
    void aTenantWithoutACatalogueHasNoTopics() {
        tag(new TestConversation("globex", "c2").customerSays(1_000, "return my parcel"));
        assertThat(out.messages).isEmpty();
    }

    private void tag(ConversationEvent event) {
        tagger.apply(event, state, "q1", out);
    }

    private static Tuple tagged(String eventId, String topic, int rank) {
        return Tuple.tuple(eventId, topic, rank, "q1");
    }

    private static final class Recorder implements TopicTagger.Tags {
        final List<MessageTopic> messages = new ArrayList<>();
        final List<ConversationTopic> conversations = new ArrayList<>();

        @Override
        public void messageTopic(MessageTopic row) {
            messages.add(row);
        }

        @Override
        public void conversationTopic(ConversationTopic row) {
            conversations.add(row);
        }
    }
}
