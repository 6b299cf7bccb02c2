package io.chatpulse.chatcore.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.events.EventFactory;
import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.SenderKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying the events a lifecycle emitted arrives at the very state the lifecycle produced. */
class ConversationReplayTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final ConversationLifecycle lifecycle = new ConversationLifecycle();

    Conversation replayed;
    Conversation live;

    void step(Transition t, Instant at) {
        List<ConversationEvent> events = EventFactory.conversationEvents("acme", "c-1", at, t.payloads());
        for (ConversationEvent event : events) {
            replayed = ConversationReplay.apply(replayed, event, t.next().waitTicket());
        }
        live = t.next();
        assertThat(replayed).isEqualTo(live);
    }

    @Test
    void everyStepOfALongLifeReplaysToTheSameState() {
        step(lifecycle.open("c-1", "acme", "cust", Channel.WEB, "support", T0), T0);
        step(lifecycle.assign(live, "a-1", T0.plusSeconds(5)), T0.plusSeconds(5));
        step(lifecycle.postMessage(live, "m1", SenderKind.CUSTOMER, null, MessageContent.text("hi"),
                T0.plusSeconds(6)), T0.plusSeconds(6));
        step(lifecycle.transferToAgent(live, "a-2", T0.plusSeconds(7)), T0.plusSeconds(7));
        step(lifecycle.postMessage(live, "m2", SenderKind.AGENT, "a-2", MessageContent.text("yo"),
                T0.plusSeconds(8)), T0.plusSeconds(8));
        step(lifecycle.transferToQueue(live, "billing", T0.plusSeconds(9)), T0.plusSeconds(9));
        step(lifecycle.assign(live, "a-3", T0.plusSeconds(10)), T0.plusSeconds(10));
        step(lifecycle.resolve(live, T0.plusSeconds(11)), T0.plusSeconds(11));
        step(lifecycle.submitCsat(live, 2, "slow"), T0.plusSeconds(12));
        step(lifecycle.reopen(live, SenderKind.CUSTOMER, null, T0.plusSeconds(13)), T0.plusSeconds(13));
        step(lifecycle.abandon(live, AbandonReason.TIMED_OUT, T0.plusSeconds(14)), T0.plusSeconds(14));

        assertThat(replayed.state()).isEqualTo(ConversationState.ABANDONED);
        assertThat(replayed.csatRating()).isEqualTo(2);
        assertThat(replayed.messageCount()).isEqualTo(2);
    }

    @Test
    void aBotConversationHandedOffReplaysToo() {
        step(lifecycle.open("c-1", "acme", "cust", Channel.APP, null, T0), T0);
        step(lifecycle.postMessage(live, "m1", SenderKind.BOT, null, MessageContent.text("beep"), T0), T0);
        step(lifecycle.handOffFromBot(live, "support", T0.plusSeconds(3)), T0.plusSeconds(3));
        step(lifecycle.assign(live, "a-1", T0.plusSeconds(4)), T0.plusSeconds(4));
        step(lifecycle.resolve(live, T0.plusSeconds(5)), T0.plusSeconds(5));
        step(lifecycle.reopen(live, SenderKind.AGENT, "a-1", T0.plusSeconds(6)), T0.plusSeconds(6));

        assertThat(replayed.assigneeId()).isEqualTo("a-1");
    }
}
