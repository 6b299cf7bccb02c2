package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HumanBehaviourTest {

    private final HumanBehaviour human = new HumanBehaviour(new Random(1), 1.0);

    @Test
    void ratingsDropWithLongerWaits() {
        double quick = meanRating(Duration.ofSeconds(5));
        double slow = meanRating(Duration.ofMinutes(4));

        assertThat(quick).isGreaterThan(4.2);
        assertThat(slow).isLessThan(2.6);
        assertThat(HumanBehaviour.expectedRating(Duration.ofMinutes(10)))
                .isEqualTo(HumanBehaviour.expectedRating(Duration.ofMinutes(4)));
    }

    @Test
    void ratingsStayBetweenOneAndFive() {
        IntStream.range(0, 2000).forEach(i -> assertThat(human.rating(Duration.ofSeconds(i % 400))).isBetween(1, 5));
    }

    @Test
    void delaysStayWithinHumanBoundsAndScaleWithThePace() {
        for (int i = 0; i < 1000; i++) {
            assertThat(human.agentReply()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
            assertThat(human.customerTyping()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
            assertThat(human.patience()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(human.exchanges()).isBetween(1, 4);
        }
        HumanBehaviour fast = new HumanBehaviour(new Random(1), 0.5);
        HumanBehaviour normal = new HumanBehaviour(new Random(1), 1.0);
        assertThat(fast.agentReply().multipliedBy(2).toMillis()).isCloseTo(normal.agentReply().toMillis(),
                org.assertj.core.data.Offset.offset(2L));
    }

    private double meanRating(Duration waited) {
        return IntStream.range(0, 4000).map(i -> human.rating(waited)).average().orElseThrow();
    }
}
