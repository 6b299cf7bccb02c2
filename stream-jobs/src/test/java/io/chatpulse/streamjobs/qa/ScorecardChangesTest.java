package io.chatpulse.streamjobs.qa;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.ScorecardCheck;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardChangesTest {

    @Test
    void aVersionBecomesTheScorecardOfItsNumber() {
        Scorecard card = ScorecardChanges.scorecard(version(4, List.of(
                new ScorecardCheck("greeting", 2, List.of("hello"), null, null),
                new ScorecardCheck("reply_time", 1, List.of(), 60, null),
                new ScorecardCheck("transfers", 1, List.of(), null, 0)))).orElseThrow();

        assertThat(card.version()).isEqualTo(4);
        assertThat(card.checks()).containsExactly(new QaCheck("greeting", 2, List.of("hello"), null, null),
                new QaCheck("reply_time", 1, List.of(), 60, null), new QaCheck("transfers", 1, List.of(), null, 0));
    }

    @Test
    void aVersionWithoutChecksStopsTheScoring() {
        assertThat(ScorecardChanges.scorecard(version(2, List.of()))).isEmpty();
    }

    @Test
    void anInvalidVersionIsRefusedByTheFilesRulesNamingTheField() {
        assertThatThrownBy(() -> ScorecardChanges.scorecard(version(2, List.of(
                new ScorecardCheck("greeting", 1, List.of(), null, null)))))
                .isInstanceOfSatisfying(InvalidScorecardException.class, e -> {
                    assertThat(e.field()).isEqualTo("acme.checks[0].phrases");
                    assertThat(e.reason()).isEqualTo("needs at least one phrase");
                });
        assertThatThrownBy(() -> ScorecardChanges.scorecard(version(1L + Integer.MAX_VALUE, List.of(
                new ScorecardCheck("survey_offered", 1, List.of(), null, null)))))
                .isInstanceOfSatisfying(InvalidScorecardException.class,
                        e -> assertThat(e.field()).isEqualTo("acme.version"));
    }

    @Test
    void onlyALaterVersionIsNewer() {
        assertThat(ScorecardChanges.isNewer(version(1, List.of()), null)).isTrue();
        assertThat(ScorecardChanges.isNewer(version(3, List.of()), version(2, List.of()))).isTrue();
        assertThat(ScorecardChanges.isNewer(version(2, List.of()), version(2, List.of()))).isFalse();
        assertThat(ScorecardChanges.isNewer(version(1, List.of()), version(2, List.of()))).isFalse();
    }

    private static QaScorecardVersion version(long number, List<ScorecardCheck> checks) {
        return new QaScorecardVersion("acme", number, checks, 0L, "admin");
    }
}
