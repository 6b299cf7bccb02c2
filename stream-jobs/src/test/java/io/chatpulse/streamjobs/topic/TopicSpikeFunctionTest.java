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
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TopicSpikeFunction in Flink's operator harness: counting per topic and minute, the ticks, replay, new topics. */
class TopicSpikeFunctionTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final long M = 1_790_000_000_000L / MINUTE * MINUTE;
    private static final AlertRules RULES = AlertRules.parse("topic_spike.window=1m;topic_spike.baseline-days=3;"
            + "topic_spike.min-days=3;topic_spike.min-count=5;topic_spike.clear-after=1m");

    private KeyedBroadcastOperatorTestHarness<String, ConversationEvent, TopicCatalogueVersion, AlertRecord> harness;

    @BeforeEach
    void open() throws Exception {
        TopicCatalogue catalogue = new TopicCatalogue(Map.of("acme", List.of(
                new Topic("returns", List.of("return"), List.of()), new Topic("delivery", List.of("parcel"), List.of()))));
        harness = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new TopicSpikeFunction(RULES, catalogue, Duration.ofMinutes(10), "http://grafana/d/quality"),
                List.of(CatalogueChanges.STATE)), ConversationEvent::getTenantId, Types.STRING, 1, 1, 0);
        harness.open();
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.setProcessingTime(M + 4 * MINUTE);
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
