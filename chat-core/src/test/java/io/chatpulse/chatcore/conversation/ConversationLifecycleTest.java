package io.chatpulse.chatcore.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ConversationAbandoned;
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
import org.junit.jupiter.api.Test;

class ConversationLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final ConversationLifecycle lifecycle = new ConversationLifecycle();

    private Conversation queued() {
        return lifecycle.open("c-1", "acme", "cust-1", Channel.WEB, "support", T0).next();
    }

    private Conversation assigned() {
        return lifecycle.assign(queued(), "a-1", T0).next();
    }

    private Conversation resolved() {
        return lifecycle.resolve(assigned(), T0).next();
    }

    @Test
    void openingIntoAQueueSaysOpenedThenQueuedAsNew() {
        Transition t = lifecycle.open("c-1", "acme", "cust-1", Channel.APP, "billing", T0);

        assertThat(t.payloads()).containsExactly(new ConversationOpened(Channel.APP, "cust-1", "billing"),
                new ConversationQueued("billing", QueueReason.NEW));
        assertThat(t.next().state()).isEqualTo(ConversationState.QUEUED);
        assertThat(t.next().waitingSince()).isEqualTo(T0);
    }

    @Test
    void openingWithABotFirstHasNoQueue() {
        Transition t = lifecycle.open("c-1", "acme", "cust-1", Channel.WEB, null, T0);

        assertThat(t.payloads()).containsExactly(new ConversationOpened(Channel.WEB, "cust-1", null));
        assertThat(t.next().state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void assignmentEndsTheWaitAndNamesTheQueue() {
        Transition t = lifecycle.assign(queued(), "a-1", T0);

        assertThat(t.payloads()).containsExactly(new AgentAssigned("a-1", "support"));
        assertThat(t.next().assigneeId()).isEqualTo("a-1");
        assertThat(t.next().waitingSince()).isNull();
    }

    @Test
    void anAssignedConversationIsNotAssignedAgain() {
        assertThatThrownBy(() -> lifecycle.assign(assigned(), "a-2", T0))
                .isInstanceOf(ActionNotAllowedException.class).hasMessageContaining("transfer");
    }

    @Test
    void messagesAreCountedAndAgentMessagesNameTheAgent() {
        Transition t = lifecycle.postMessage(assigned(), "m-1", SenderKind.AGENT, "a-1", MessageContent.text("héllo"), T0);

        assertThat(t.payloads()).containsExactly(new MessagePosted("m-1", SenderKind.AGENT, "a-1",
                io.chatpulse.events.ContentType.TEXT, "héllo", null, 6));
        assertThat(t.next().messageCount()).isEqualTo(1);
    }

    @Test
    void onlyTheAssigneeMayPostAsAgent() {
        assertThatThrownBy(() -> lifecycle.postMessage(assigned(), "m-1", SenderKind.AGENT, "a-2", MessageContent.text("hi"), T0))
                .isInstanceOf(ActionNotAllowedException.class).hasMessageContaining("a-2");
        assertThatThrownBy(() -> lifecycle.postMessage(queued(), "m-1", SenderKind.AGENT, "a-1", MessageContent.text("hi"), T0))
                .isInstanceOf(ActionNotAllowedException.class);
    }

    @Test
    void aResolvedConversationTakesNoMessages() {
        assertThatThrownBy(() -> lifecycle.postMessage(resolved(), "m-1", SenderKind.CUSTOMER, null, MessageContent.text("hi"), T0))
                .isInstanceOf(ActionNotAllowedException.class).hasMessageContaining("RESOLVED");
    }

    @Test
    void resolutionCreditsTheAssigneeAndOffersTheSurvey() {
        Transition t = lifecycle.resolve(assigned(), T0);

        assertThat(t.payloads()).containsExactly(new ConversationResolved("a-1", SenderKind.AGENT),
                new SurveyOffered("a-1"));
        assertThat(t.next().state()).isEqualTo(ConversationState.RESOLVED);
        assertThat(t.next().assigneeId()).isNull();
        assertThat(t.next().creditedAgentId()).isEqualTo("a-1");
    }

    @Test
    void aWaitingConversationCannotBeResolved() {
        assertThatThrownBy(() -> lifecycle.resolve(queued(), T0)).isInstanceOf(ActionNotAllowedException.class);
    }

    @Test
    void csatIsCreditedToTheAgentAtResolutionOnlyOnce() {
        Transition t = lifecycle.submitCsat(resolved(), 4, "quick");

        assertThat(t.payloads()).containsExactly(new CsatSubmitted(4, "quick", "a-1"));
        assertThatThrownBy(() -> lifecycle.submitCsat(t.next(), 5, null))
                .isInstanceOf(ActionNotAllowedException.class).hasMessageContaining("already");
    }

    @Test
    void csatNeedsAResolutionAndARatingFromOneToFive() {
        assertThatThrownBy(() -> lifecycle.submitCsat(assigned(), 4, null))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> lifecycle.submitCsat(resolved(), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lifecycle.submitCsat(resolved(), 6, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransferToAQueueEndsTheAgentEpisodeAndStartsAWait() {
        Transition t = lifecycle.transferToQueue(assigned(), "billing", T0.plusSeconds(60));

        assertThat(t.payloads()).containsExactly(new ConversationTransferred("a-1", null, "billing"),
                new ConversationQueued("billing", QueueReason.TRANSFER));
        assertThat(t.next().state()).isEqualTo(ConversationState.QUEUED);
        assertThat(t.next().queueId()).isEqualTo("billing");
    }

    @Test
    void aTransferToAnAgentAssignsThem() {
        Transition t = lifecycle.transferToAgent(assigned(), "a-2", T0);

        assertThat(t.payloads()).containsExactly(new ConversationTransferred("a-1", "a-2", null),
                new AgentAssigned("a-2", "support"));
        assertThat(t.next().assigneeId()).isEqualTo("a-2");
    }

    @Test
    void reopeningByTheCustomerQueuesAgainAndAllowsANewRating() {
        Conversation rated = lifecycle.submitCsat(resolved(), 2, null).next();
        Transition t = lifecycle.reopen(rated, SenderKind.CUSTOMER, null, T0);

        assertThat(t.payloads()).containsExactly(new ConversationReopened(SenderKind.CUSTOMER),
                new ConversationQueued("support", QueueReason.REOPEN));
        Conversation again = lifecycle.resolve(lifecycle.assign(t.next(), "a-3", T0).next(), T0).next();
        assertThat(lifecycle.submitCsat(again, 5, null).payloads()).containsExactly(new CsatSubmitted(5, null, "a-3"));
    }

    @Test
    void reopeningByAnAgentGivesItBackToThem() {
        Transition t = lifecycle.reopen(resolved(), SenderKind.AGENT, "a-1", T0);

        assertThat(t.payloads()).containsExactly(new ConversationReopened(SenderKind.AGENT),
                new AgentAssigned("a-1", "support"));
    }

    @Test
    void onlyAWaitingCustomerAbandons() {
        assertThat(lifecycle.abandon(queued(), AbandonReason.CUSTOMER_LEFT, T0).payloads())
                .containsExactly(new ConversationAbandoned("support", AbandonReason.CUSTOMER_LEFT));
        assertThatThrownBy(() -> lifecycle.abandon(assigned(), AbandonReason.CUSTOMER_LEFT, T0))
                .isInstanceOf(ActionNotAllowedException.class);
    }

    @Test
    void aBotHandsOffIntoAQueue() {
        Conversation bot = lifecycle.open("c-1", "acme", "cust-1", Channel.WEB, null, T0).next();

        Transition t = lifecycle.handOffFromBot(bot, "billing", T0);

        assertThat(t.payloads()).containsExactly(new ConversationQueued("billing", QueueReason.BOT_HANDOFF));
        assertThat(t.next().state()).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void handingBackRequeuesInTheSameQueue() {
        Transition t = lifecycle.handBack(assigned(), T0);

        assertThat(t.payloads()).containsExactly(new ConversationTransferred("a-1", null, "support"),
                new ConversationQueued("support", QueueReason.REQUEUE));
    }
}
