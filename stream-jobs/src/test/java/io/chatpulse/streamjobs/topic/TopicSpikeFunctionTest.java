package io.chatpulse.streamjobs.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TopicSpikeFunction in Flink's operator harness: counting per topic and minute, the ticks, replay, new topics. */
class TopicSpikeFunctionTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long M = 1_790_000_000_000L / MINUTE * MINUTE;
    private static final AlertRules RULES = AlertRules.parse("topic_spike.window=1m;topic_spike.baseline-days=3;"
            + "topic_spike.min-days=3;topic_spike.min-count=5;topic_spike.clear-after=1m");

    private KeyedBroadcastOperatorTestHarness<String, ConversationEvent, TopicCatalogueVersion, AlertRecord> harness;

    @BeforeEach
    void open() throws Exception {
        open(null);
    }

    /** A fresh harness, or one restored from {@code snapshot}, its processing clock at M + 4 min. */
    private void open(OperatorSubtaskState snapshot) throws Exception {
        TopicCatalogue catalogue = new TopicCatalogue(Map.of("acme", List.of(
                new Topic("returns", List.of("return"), List.of()), new Topic("delivery", List.of("parcel"), List.of()))));
        harness = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new TopicSpikeFunction(RULES, catalogue, Duration.ofMinutes(10), "http://grafana/d/quality"),
                List.of(CatalogueChanges.STATE)), ConversationEvent::getTenantId, Types.STRING, 1, 1, 0);
        harness.setProcessingTime(M + 4 * MINUTE);
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aTopicFarAboveTheSameMinuteOfPastDaysFiresOnceAndResolvesASteadyOneNever() throws Exception {
        for (int day = 3; day >= 1; day--) {
            say(M - day * DAY + 10_000, 2, "I want to return it");
            say(M - day * DAY + 20_000, 2, "where is my parcel");
        }
        // The tenant's earliest event read after later ones (another partition): the history starts with it.
        say(M - 3 * DAY - 10 * MINUTE, 1, "hello");
        say(M + 10_000, 20, "I want to return it");
        say(M + 20_000, 2, "where is my parcel");
        harness.processWatermark(M + 5 * MINUTE);

        assertThat(alerts()).extracting(AlertRecord::scope, AlertRecord::state, AlertRecord::eventTime,
                        AlertRecord::startedAt, AlertRecord::replay)
                .containsExactly(
                        tuple("topic:returns", AlertChange.Kind.FIRING, M + MINUTE, M + MINUTE, false),
                        tuple("topic:returns", AlertChange.Kind.RESOLVED, M + 3 * MINUTE, M + MINUTE, false));
        AlertRecord fired = alerts().get(0);
        assertThat(fired.value()).isEqualTo(20);
        // Mean 2 of the three days, spread sqrt(2) (the Poisson floor): breached from 2 + 3 sqrt(2), at least 5.
        assertThat(fired.threshold()).isEqualTo(Math.ceil(2 + 3 * Math.sqrt(2)));
        assertThat(fired.dashboardUrl()).isEqualTo("http://grafana/d/quality?var-tenant=acme");
    }

    @Test
    void aSpikeBehindTheReplayBoundIsRecordedAsAReplay() throws Exception {
        harness.setProcessingTime(M + 30 * MINUTE);
        say(M - 3 * DAY - 10 * MINUTE, 1, "hello");
        for (int day = 3; day >= 1; day--) {
            say(M - day * DAY + 10_000, 2, "I want to return it");
        }
        say(M + 10_000, 20, "I want to return it");
        harness.processWatermark(M + 5 * MINUTE);
        assertThat(alerts()).extracting(AlertRecord::state, AlertRecord::replay)
                .containsExactly(tuple(AlertChange.Kind.FIRING, true), tuple(AlertChange.Kind.RESOLVED, true));
    }

    @Test
    void aTopicAVersionAddsHasNoBaselineBeforeIt() throws Exception {
        say(M - 3 * DAY - 10 * MINUTE, 1, "hello");
        for (int day = 3; day >= 1; day--) {
            say(M - day * DAY + 10_000, 2, "my card was declined");
        }
        harness.processWatermark(M - 5 * MINUTE);
        // Added now: the days before, when "payment" was no topic, are not its baseline.
        harness.processBroadcastElement(new TopicCatalogueVersion("acme", 1L, List.of(
                new CatalogueTopic("payment", List.of("card"), List.of())), M - 5 * MINUTE, "admin"), M - 5 * MINUTE);
        say(M + 10_000, 20, "my card was declined");
        harness.processWatermark(M + 5 * MINUTE);
        assertThat(alerts()).isEmpty();
    }

    /**
     * Decision 33: a minute's count stays while an evaluation at or after the evaluated time reads it
     * (back to the evaluated time minus the window and the baseline days) and goes at the first hourly
     * sweep after the evaluation has moved past it; a topic not named since goes from the topics
     * looked at, and its start once the catalogue no longer holds it.
     */
    @Test
    void aCountIsKeptWhileABaselineReadsItAndForgottenAfter() throws Exception {
        long window = MINUTE;
        int baselineDays = 3;
        say(M - 3 * DAY - 10 * MINUTE, 1, "hello");
        say(M - 3 * DAY + 10_000, 2, "I want to return it");
        say(M - 3 * DAY + 20_000, 1, "where is my parcel");
        say(M + 10_000, 1, "I want to return it");
        harness.processWatermark(M + MINUTE);
        long oldest = Math.floorDiv(M + MINUTE - window - baselineDays * DAY, MINUTE);
        assertThat(oldest).as("the tick at M + 1 min reads the minute of 3 days before").isEqualTo((M - 3 * DAY) / MINUTE);

        harness.setProcessingTime(M + 2 * HOUR);
        assertThat(keys("topic-minute-counts", Types.INT)).containsExactlyInAnyOrder(
                "returns|" + (M - 3 * DAY) / MINUTE, "delivery|" + (M - 3 * DAY) / MINUTE, "returns|" + M / MINUTE);

        // The evaluation moves a minute on; the catalogue drops "delivery".
        say(M + MINUTE + 10_000, 1, "I want to return it");
        harness.processWatermark(M + 2 * MINUTE);
        harness.processBroadcastElement(new TopicCatalogueVersion("acme", 1L, List.of(
                new CatalogueTopic("returns", List.of("return"), List.of())), M + 2 * MINUTE, "admin"), M + 2 * MINUTE);
        harness.setProcessingTime(M + 3 * HOUR);
        assertThat(keys("topic-minute-counts", Types.INT))
                .containsExactlyInAnyOrder("returns|" + M / MINUTE, "returns|" + (M / MINUTE + 1));
        assertThat(keys("topic-last-named", Types.LONG)).containsExactly("returns");
        assertThat(keys("topic-since", Types.LONG)).containsExactly("returns");
    }

    /** A tenant whose evaluated time stood still for 15 days of processing time loses its counts, as their TTL did. */
    @Test
    void theCountsOfATenantGoneQuietAreForgottenAfterFifteenDaysOfProcessingTime() throws Exception {
        say(M + 10_000, 3, "I want to return it");
        harness.processWatermark(M + MINUTE);
        harness.setProcessingTime(M + 2 * HOUR);
        harness.setProcessingTime(M + 14 * DAY);
        assertThat(keys("topic-minute-counts", Types.INT)).as("kept 14 days on").containsExactly("returns|" + M / MINUTE);
        harness.setProcessingTime(M + 16 * DAY);
        assertThat(keys("topic-minute-counts", Types.INT)).as("gone 16 days on").isEmpty();
        assertThat(keys("topic-last-named", Types.LONG)).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).as("nothing left to sweep").isZero();
    }

    /** The sweep's timer and the evaluated time come back from a checkpoint; the spike still fires after it. */
    @Test
    void theSweepGoesOnAfterARestore() throws Exception {
        say(M - 3 * DAY - 10 * MINUTE, 1, "hello");
        for (int day = 3; day >= 1; day--) {
            say(M - day * DAY + 10_000, 2, "I want to return it");
        }
        harness.processWatermark(M - 3 * DAY + 2 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1, M + 4 * MINUTE);
        harness.close();
        open(snapshot);

        say(M + 10_000, 20, "I want to return it");
        harness.processWatermark(M + 5 * MINUTE);
        assertThat(alerts()).extracting(AlertRecord::state)
                .containsExactly(AlertChange.Kind.FIRING, AlertChange.Kind.RESOLVED);
        harness.setProcessingTime(M + 2 * HOUR);
        // Evaluated up to M + 3 min (the last tick with the topic in its window): 3 days and a minute back.
        assertThat(keys("topic-minute-counts", Types.INT)).containsExactlyInAnyOrder(
                "returns|" + (M - 2 * DAY) / MINUTE, "returns|" + (M - DAY) / MINUTE, "returns|" + M / MINUTE);
    }

    /** A checkpoint of the version whose counts had a state TTL restores: the counts are read, then swept. */
    @Test
    void theCountsOfACheckpointWithTheirStateTtlAreReadAndSwept() throws Exception {
        harness.close();
        harness = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(new TtlVersion(),
                List.of(CatalogueChanges.STATE)), ConversationEvent::getTenantId, Types.STRING, 1, 1, 0);
        harness.setProcessingTime(M + 4 * MINUTE);
        harness.open();
        harness.processElement(new TestConversation("acme", "c-old").customerSays(M - 3 * DAY - 10 * MINUTE, "hello"),
                M - 3 * DAY - 10 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1, M + 4 * MINUTE);
        harness.close();
        open(snapshot);

        say(M + 10_000, 20, "I want to return it");
        harness.processWatermark(M + 5 * MINUTE);
        assertThat(alerts()).extracting(AlertRecord::state)
                .containsExactly(AlertChange.Kind.FIRING, AlertChange.Kind.RESOLVED);
        assertThat(alerts().get(0).threshold()).as("against the restored baseline, mean 2")
                .isEqualTo(Math.ceil(2 + 3 * Math.sqrt(2)));
        harness.setProcessingTime(M + 2 * HOUR);
        assertThat(keys("topic-minute-counts", Types.INT)).containsExactlyInAnyOrder(
                "returns|" + (M - 2 * DAY) / MINUTE, "returns|" + (M - DAY) / MINUTE, "returns|" + M / MINUTE);
    }

    /** The states of the version with a TTL on its counts: a baseline of 2 a day for "returns", and the tenant's start. */
    private static final class TtlVersion
            extends KeyedBroadcastProcessFunction<String, ConversationEvent, TopicCatalogueVersion, AlertRecord> {

        @Override
        public void processElement(ConversationEvent event, ReadOnlyContext ctx, Collector<AlertRecord> out)
                throws Exception {
            MapStateDescriptor<String, Integer> perMinute = new MapStateDescriptor<>("topic-minute-counts",
                    Types.STRING, Types.INT);
            perMinute.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(15)).build());
            MapState<String, Integer> counts = getRuntimeContext().getMapState(perMinute);
            for (int day = 3; day >= 1; day--) {
                counts.put("returns|" + (M - day * DAY) / MINUTE, 2);
            }
            getRuntimeContext().getState(new ValueStateDescriptor<>("tenant-since", Types.LONG))
                    .update(event.getEventTime());
        }

        @Override
        public void processBroadcastElement(TopicCatalogueVersion version, Context ctx, Collector<AlertRecord> out) {
        }
    }

    /** The keys of one of the tenant's map states. */
    private <V> List<String> keys(String state, TypeInformation<V> values) throws Exception {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey("acme");
        MapState<String, V> map = backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new MapStateDescriptor<>(state, Types.STRING, values));
        List<String> keys = new ArrayList<>();
        map.keys().forEach(keys::add);
        return keys;
    }

    private void say(long at, int count, String text) throws Exception {
        for (int i = 0; i < count; i++) {
            ConversationEvent message = new TestConversation("acme", "c-" + at + "-" + i).customerSays(at + i, text);
            harness.processElement(message, message.getEventTime());
        }
    }

    private List<AlertRecord> alerts() {
        return harness.extractOutputValues();
    }
}
