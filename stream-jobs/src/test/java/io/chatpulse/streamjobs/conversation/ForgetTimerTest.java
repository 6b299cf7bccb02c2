package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForgetTimerTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void forgetsAtTheTtlAfterNowRoundedUpToTheHour() {
        ForgetTimer timer = new ForgetTimer(Duration.ofDays(2));

        assertThat(timer.forgetAt(0)).isEqualTo(48 * HOUR);
        assertThat(timer.forgetAt(1)).isEqualTo(49 * HOUR);
        assertThat(timer.forgetAt(HOUR - 1)).isEqualTo(49 * HOUR);
    }

    @Test
    void aTtlShorterThanAnHourIsItsOwnStep() {
        ForgetTimer timer = new ForgetTimer(Duration.ofSeconds(5));

        assertThat(timer.forgetAt(1_000)).isEqualTo(10_000);
        assertThat(timer.forgetAt(5_000)).isEqualTo(10_000);
    }

    @Test
    void isDueOnlyWhenNoLaterEventMovedTheForgetTime() {
        ForgetTimer timer = new ForgetTimer(Duration.ofDays(2));
        ConversationState state = new ConversationState();
        state.forgetAt = 49 * HOUR;

        assertThat(timer.isDue(state, 48 * HOUR)).isFalse();
        assertThat(timer.isDue(state, 49 * HOUR)).isTrue();
    }

    @Test
    void refusesATtlThatWouldForgetAtOnce() {
        assertThatThrownBy(() -> new ForgetTimer(Duration.ZERO)).hasMessageContaining("positive");
    }
}
