package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.ScorecardCheck;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.ingest.DeadLetter;
import io.chatpulse.streamjobs.qa.QaScore;
import io.chatpulse.streamjobs.qa.ScorecardChanges;
import io.chatpulse.streamjobs.qa.Scorecards;
import io.chatpulse.streamjobs.topic.CatalogueChanges;
import io.chatpulse.streamjobs.topic.MessageTopic;
import io.chatpulse.streamjobs.topic.Topic;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationKpiFunctionTest {

    private static final long T0 = 1_790_000_000_000L;

    private KeyedBroadcastOperatorTestHarness<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
            KpiRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        openHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsEachFigureToItsTableOutput() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.opened(T0, "billing"),
                c.queued(T0 + 10, "billing", QueueReason.NEW),
                c.assigned(T0 + 20_010, "agent-7"),
                c.agentMessage(T0 + 30_000, "agent-7"));

        assertThat(rows(QueueWait.class)).containsExactly(new QueueWait("acme", "billing", "conv-1",
                T0 + 10, T0 + 20_010, QueueWait.Outcome.ANSWERED, "agent-7", 20_000));
        assertThat(rows(FirstResponse.class)).containsExactly(
                new FirstResponse("acme", "billing", "conv-1", "agent-7", T0, T0 + 30_000, 30_000, 30_000));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent opened = c.opened(T0, "billing");
        ConversationEvent queued = c.queued(T0 + 10, "billing", QueueReason.NEW);
        send(opened, queued, c.assigned(T0 + 5_010, "agent-7"), c.agentMessage(T0 + 6_000, "agent-7"));
        // A producer retry delivers the open and the queueing again; without dedup they would
        // restart both clocks and the next messages would count twice.
        send(opened, queued, c.assigned(T0 + 7_000, "agent-7"), c.agentMessage(T0 + 8_000, "agent-7"));

        assertThat(rows(QueueWait.class)).hasSize(1);
        assertThat(rows(FirstResponse.class)).singleElement()
                .extracting(FirstResponse::frtMs).isEqualTo(6_000L);
    }

    @Test
    void conversationsKeepTheirOwnClocks() throws Exception {
        TestConversation a = new TestConversation("acme", "conv-a");
        TestConversation b = new TestConversation("acme", "conv-b");
        send(a.queued(T0, "billing", QueueReason.NEW),
                b.queued(T0 + 1_000, "tech", QueueReason.NEW),
                b.assigned(T0 + 4_000, "agent-2"),
                a.abandoned(T0 + 9_000, "billing"));

        assertThat(rows(QueueWait.class))
                .extracting(QueueWait::conversationId, QueueWait::outcome, QueueWait::waitMs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("conv-b", QueueWait.Outcome.ANSWERED, 3_000L),
                        org.assertj.core.groups.Tuple.tuple("conv-a", QueueWait.Outcome.ABANDONED, 9_000L));
    }

    @Test
    void aCatalogueChangeAppliesToTheMessagesFromThenOnAndSurvivesARestore() throws Exception {
        harness.close();
        harness = newHarness(Duration.ZERO, new TopicCatalogue(Map.of("acme", List.of(
                new Topic("returns", List.of("return"), List.of())))));
        openHarness();
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent before = c.message(T0 + 1_000, SenderKind.CUSTOMER, "cust-1", "a return and a parcel");
        send(c.opened(T0, "billing"), before);

        harness.processBroadcastElement(Either.Left(version("acme", 2, "delivery", "parcel")), T0);
        harness.processBroadcastElement(Either.Left(version("acme", 1, "stale", "return")), T0);
        harness.processBroadcastElement(Either.Left(new TopicCatalogueVersion("acme", 3L,
                List.of(new CatalogueTopic("broken", List.of(), List.of("(unclosed"))), T0, "admin")), T0);
        ConversationEvent after = c.message(T0 + 2_000, SenderKind.CUSTOMER, "cust-1", "a return and a parcel");
        send(after);
        assertThat(topicsOf(before.getEventId())).containsExactly("returns");
        assertThat(topicsOf(after.getEventId())).as("version 2; the older version 1 and the invalid version 3 passed over")
                .containsExactly("delivery");
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 20);
        harness.close();

        harness = newHarness(Duration.ZERO, new TopicCatalogue(Map.of("acme", List.of(
                new Topic("returns", List.of("return"), List.of())))));
        harness.initializeState(snapshot);
        openHarness();
        ConversationEvent restored = c.message(T0 + 3_000, SenderKind.CUSTOMER, "cust-1", "a return and a parcel");
        send(restored);

        assertThat(topicsOf(restored.getEventId())).as("the change kept over the file after a restore")
                .containsExactly("delivery");
    }

    @Test
    void aScorecardChangeScoresTheConversationsThatEndAfterItAndSurvivesARestore() throws Exception {
        Scorecards file = Scorecards.parse("""
                {"acme": {"version": 1, "checks": [{"check": "greeting", "weight": 1, "phrases": ["hello"]}]}}""");
        harness.close();
        harness = newHarness(Duration.ZERO, TopicCatalogue.empty(), file);
        openHarness();
        send(greetedAndResolved("conv-1", T0));

        harness.processBroadcastElement(Either.Right(scorecard(3, "hi")), T0);
        harness.processBroadcastElement(Either.Right(scorecard(2, "hey")), T0);
        harness.processBroadcastElement(Either.Right(new QaScorecardVersion("acme", 4L,
                List.of(new ScorecardCheck("greeting", 1, List.of(), null, null)), T0, "admin")), T0);
        send(greetedAndResolved("conv-2", T0 + 10_000));
        assertThat(rows(QaScore.class)).extracting(QaScore::conversationId, QaScore::scorecardVersion, QaScore::score)
                .as("conv-1 by the file; conv-2 by version 3 (the older 2 and the invalid 4 passed over)")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conv-1", 1, 0.0),
                        org.assertj.core.groups.Tuple.tuple("conv-2", 3, 100.0));
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 20);
        harness.close();

        harness = newHarness(Duration.ZERO, TopicCatalogue.empty(), file);
        harness.initializeState(snapshot);
        openHarness();
        send(greetedAndResolved("conv-3", T0 + 20_000));

        assertThat(rows(QaScore.class)).extracting(QaScore::conversationId, QaScore::scorecardVersion, QaScore::score)
                .as("the change kept over the file after a restore")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conv-3", 3, 100.0));
    }

    @Test
    void openClocksSurviveARestoreFromACheckpoint() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.opened(T0, "billing"), c.queued(T0 + 10, "billing", QueueReason.NEW));
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 20);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        openHarness();
        send(c.assigned(T0 + 2_010, "agent-7"), c.agentMessage(T0 + 4_000, "agent-7"));

        assertThat(rows(QueueWait.class)).singleElement()
                .extracting(QueueWait::waitMs).isEqualTo(2_000L);
        assertThat(rows(FirstResponse.class)).singleElement()
                .extracting(FirstResponse::frtMs).isEqualTo(4_000L);
    }

    @Test
    void aConversationIsForgottenTwoDaysOfProcessingTimeAfterItsLastEvent() throws Exception {
        long hour = Duration.ofHours(1).toMillis();
        TestConversation quiet = new TestConversation("acme", "conv-quiet");
        TestConversation busy = new TestConversation("acme", "conv-busy");
        harness.setProcessingTime(0);
        send(quiet.opened(T0, "billing"), busy.opened(T0, "billing"));
        harness.setProcessingTime(hour + 1);
        send(busy.queued(T0 + 10, "billing", QueueReason.NEW));

        harness.setProcessingTime(48 * hour - 1);
        assertThat(numKeyedStateEntries()).isEqualTo(2);
        harness.setProcessingTime(48 * hour);
        assertThat(numKeyedStateEntries()).as("the quiet one is let go, the busy one kept").isEqualTo(1);
        harness.setProcessingTime(50 * hour);
        assertThat(numKeyedStateEntries()).isZero();
    }

    @Test
    void withoutAReorderWindowAnEventOlderThanOneAppliedGoesToTheDeadLettersWithTheReason() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent question = c.customerMessage(T0 + 25_000);
        send(c.opened(T0, "billing"), c.queued(T0 + 10, "billing", QueueReason.NEW), c.assigned(T0 + 20_010, "agent-7"),
                c.agentMessage(T0 + 30_000, "agent-7"), c.customerMessage(T0 + 40_000));
        send(question, c.agentMessage(T0 + 41_000, "agent-7"));

        assertThat(lateEvents()).singleElement().satisfies(letter -> {
            assertThat(EventCodec.CONVERSATION.decode(letter.value)).isEqualTo(question);
            assertThat(new String(letter.key, StandardCharsets.UTF_8)).isEqualTo("conv-1");
            assertThat(letter.reason).contains("late event", question.getEventId(), "15000 ms older",
                    "reorder window of 0 ms");
        });
        assertThat(rows(ReplyTime.class)).as("the conversation goes on without it")
                .extracting(ReplyTime::replyMs).containsExactly(1_000L);
    }

    @Test
    void withAReorderWindowAConversationsEventsAreAppliedInEventTimeOrder() throws Exception {
        harness.close();
        harness = newHarness(Duration.ofSeconds(5));
        openHarness();
        TestConversation c = new TestConversation("acme", "conv-1");
        send(c.queued(T0 + 10, "billing", QueueReason.NEW), c.opened(T0, "billing"),
                c.agentMessage(T0 + 3_000, "agent-7"), c.assigned(T0 + 2_010, "agent-7"));
        assertThat(rows(QueueWait.class)).as("held until the watermark passes").isEmpty();

        harness.processWatermark(T0 + 3_000);

        assertThat(rows(QueueWait.class)).singleElement().extracting(QueueWait::waitMs)
                .isEqualTo(2_000L);
        assertThat(rows(FirstResponse.class)).singleElement().extracting(FirstResponse::frtMs)
                .isEqualTo(3_000L);
        assertThat(lateEvents()).isEmpty();
    }

    @Test
    void withAReorderWindowAnEventBehindTheWatermarkIsAppliedUnlessItsConversationHasGoneFurther() throws Exception {
        harness.close();
        harness = newHarness(Duration.ofSeconds(5));
        openHarness();
        TestConversation a = new TestConversation("acme", "conv-a");
        TestConversation b = new TestConversation("acme", "conv-b");
        ConversationEvent aOpened = a.opened(T0, "billing");
        send(a.queued(T0 + 10, "billing", QueueReason.NEW), b.opened(T0 + 20, "tech"));
        harness.processWatermark(T0 + 60_000);
        ConversationEvent bQueued = b.queued(T0 + 30, "tech", QueueReason.NEW);
        send(aOpened, bQueued, b.assigned(T0 + 1_030, "agent-2"));
        harness.processWatermark(T0 + 120_000);

        assertThat(lateEvents()).singleElement()
                .satisfies(letter -> assertThat(letter.reason).contains(aOpened.getEventId(), "10 ms older",
                        "reorder window of 5000 ms"));
        assertThat(rows(QueueWait.class)).as("conv-b had applied nothing after it")
                .extracting(QueueWait::conversationId, QueueWait::waitMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("conv-b", 1_000L));
    }

    @Test
    void aLateCopyOfAnAppliedEventIsARepeatNotADeadLetter() throws Exception {
        TestConversation c = new TestConversation("acme", "conv-1");
        ConversationEvent opened = c.opened(T0, "billing");
        send(opened, c.queued(T0 + 10, "billing", QueueReason.NEW), opened);

        assertThat(lateEvents()).isEmpty();
    }

    private static KeyedBroadcastOperatorTestHarness<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
            KpiRow> newHarness() throws Exception {
        return newHarness(Duration.ZERO);
    }

    private static KeyedBroadcastOperatorTestHarness<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
            KpiRow> newHarness(
            Duration reorderWindow) throws Exception {
        return newHarness(reorderWindow, TopicCatalogue.empty());
    }

    private static KeyedBroadcastOperatorTestHarness<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
            KpiRow> newHarness(
            Duration reorderWindow, TopicCatalogue catalogue) throws Exception {
        return newHarness(reorderWindow, catalogue, Scorecards.none());
    }

    private static KeyedBroadcastOperatorTestHarness<String, ConversationEvent, Either<TopicCatalogueVersion, QaScorecardVersion>,
            KpiRow> newHarness(Duration reorderWindow, TopicCatalogue catalogue, Scorecards scorecards) throws Exception {
        return new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new ConversationKpiFunction(Duration.ofDays(2), BusinessCalendars.NONE, reorderWindow, catalogue,
                        scorecards),
                List.of(CatalogueChanges.STATE, ScorecardChanges.STATE)), ConversationEvent::getConversationId, Types.STRING, 1, 1, 0);
    }

    private void openHarness() throws Exception {
        harness.open();
        // What the catalogue source emits: no event time of its own, so the events' watermark rules.
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    private int numKeyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    /** An agent greets with "hi" and resolves. */
    private static ConversationEvent[] greetedAndResolved(String conversationId, long at) {
        TestConversation c = new TestConversation("acme", conversationId);
        return new ConversationEvent[] {c.opened(at, "billing"), c.assigned(at + 1_000, "agent-7"),
                c.message(at + 2_000, SenderKind.AGENT, "agent-7", "hi there"), c.resolved(at + 3_000, "agent-7")};
    }

    private static QaScorecardVersion scorecard(long version, String greeting) {
        return new QaScorecardVersion("acme", version, List.of(new ScorecardCheck("greeting", 1, List.of(greeting),
                null, null)), T0, "admin");
    }

    private static TopicCatalogueVersion version(String tenant, long version, String topic, String phrase) {
        return new TopicCatalogueVersion(tenant, version, List.of(new CatalogueTopic(topic, List.of(phrase), List.of())),
                T0, "admin");
    }

    private List<String> topicsOf(String eventId) {
        return rows(MessageTopic.class).stream().filter(row -> row.eventId().equals(eventId)).map(MessageTopic::topic)
                .toList();
    }

    private void send(ConversationEvent... events) throws Exception {
        for (ConversationEvent event : events) {
            harness.processElement(new StreamRecord<>(event, event.getEventTime()));
        }
    }

    private <T> List<T> rows(Class<T> figure) {
        return harness.extractOutputValues().stream().map(KpiRow::figure).filter(figure::isInstance)
                .map(figure::cast).toList();
    }

    private List<DeadLetter> lateEvents() {
        var out = harness.getSideOutput(ConversationKpiFunction.LATE_EVENTS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }
}
