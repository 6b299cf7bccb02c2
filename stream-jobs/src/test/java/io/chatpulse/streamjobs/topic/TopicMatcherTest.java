package io.chatpulse.streamjobs.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    private final TopicMatcher matcher = new TopicMatcher(List.of(
            new Topic("returns", List.of("return", "send it back", "退货", "返品"), List.of("refund(ed|s)?")),
            new Topic("delivery", List.of("delivery", "parcel", "快递", "配送", "การจัดส่ง"), List.of()),
            new Topic("payment", List.of("card", "pay"), List.of("charged \\d+ times"))));

    @Test
    void englishIsCaseInsensitiveOnWordBoundaries() {
        assertThat(matcher.topicsOf("I want to RETURN my order")).containsExactly("returns");
        assertThat(matcher.topicsOf("Can I Send It Back?")).containsExactly("returns");
        assertThat(matcher.topicsOf("return.")).containsExactly("returns");
        assertThat(matcher.topicsOf("the returned item")).isEmpty();
        assertThat(matcher.topicsOf("prepay or postcard")).isEmpty();
        assertThat(matcher.topicsOf("card2")).isEmpty();
    }

    @Test
    void chineseMatchesAsSubstring() {
        assertThat(matcher.topicsOf("我想退货，谢谢")).containsExactly("returns");
        assertThat(matcher.topicsOf("我的快递还没到")).containsExactly("delivery");
    }

    @Test
    void otherScriptsWithoutSpacesMatchAsSubstring() {
        assertThat(matcher.topicsOf("この商品を返品したい")).containsExactly("returns");
        assertThat(matcher.topicsOf("配送はいつですか")).containsExactly("delivery");
        assertThat(matcher.topicsOf("สอบถามการจัดส่งค่ะ")).containsExactly("delivery");
    }

    @Test
    void anEnglishPhraseNextToChineseStandsOnABoundary() {
        assertThat(matcher.topicsOf("我要refund")).containsExactly("returns");
        assertThat(matcher.topicsOf("我的parcel呢")).containsExactly("delivery");
    }

    @Test
    void patternsAreCaseInsensitiveAndFoundAnywhere() {
        assertThat(matcher.topicsOf("Refunded yet?")).containsExactly("returns");
        assertThat(matcher.topicsOf("I was CHARGED 3 times")).containsExactly("payment");
    }

    @Test
    void topicsComeInTheOrderOfTheirFirstMatch() {
        assertThat(matcher.topicsOf("the parcel came broken, can I pay for a return?"))
                .containsExactly("delivery", "payment", "returns");
        assertThat(matcher.topicsOf("refund! the delivery was late and the refund is missing"))
                .containsExactly("returns", "delivery");
    }

    @Test
    void topicsMatchedAtTheSamePlaceComeInCatalogueOrder() {
        TopicMatcher sameWord = new TopicMatcher(List.of(
                new Topic("b", List.of("order"), List.of()), new Topic("a", List.of("order status"), List.of())));
        assertThat(sameWord.topicsOf("order status please")).containsExactly("b", "a");
    }

    @Test
    void aMessageWithoutTextOrMatchHasNoTopics() {
        assertThat(matcher.topicsOf(null)).isEmpty();
        assertThat(matcher.topicsOf("")).isEmpty();
        assertThat(matcher.topicsOf("hello there")).isEmpty();
        assertThat(new TopicMatcher(List.of()).topicsOf("return")).isEmpty();
    }

    @Test
    void aPhraseSharedByTwoTopicsNamesBoth() {
        TopicMatcher shared = new TopicMatcher(List.of(
                new Topic("returns", List.of("Damaged"), List.of()), new Topic("quality", List.of("damaged"), List.of())));
        assertThat(shared.topicsOf("it arrived damaged")).containsExactly("returns", "quality");
    }

    @Test
    void aPatternThatBacktracksExponentiallyElsewhereRunsInLinearTime() {
        // (a+)+b against a long run of 'a' takes java.util.regex exponential time; RE2 scans it once.
        TopicMatcher runaway = new TopicMatcher(List.of(new Topic("runaway", List.of(), List.of("(a+)+b"))));
        assertThat(runaway.topicsOf("a".repeat(100_000) + "!")).isEmpty();
    }
}
