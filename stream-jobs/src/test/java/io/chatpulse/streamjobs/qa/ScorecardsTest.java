package io.chatpulse.streamjobs.qa;

import io.chatpulse.topiccatalogue.scorecard.CheckKind;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardsTest {

    private static final String VALID = """
            {"acme": {"version": 3, "checks": [
              {"check": "greeting", "weight": 1, "phrases": ["hello", "您好"]},
              {"check": "forbidden_phrases", "weight": 3, "phrases": ["calm down"]},
              {"check": "closing", "weight": 1, "phrases": ["anything else"]},
              {"check": "reply_time", "weight": 2, "targetSeconds": 60},
              {"check": "transfers", "weight": 1, "max": 1},
              {"check": "survey_offered", "weight": 1}
            ]}}""";

    @Test
    void readsEveryCheckWithWhatItNeeds() {
        Scorecard acme = Scorecards.parse(VALID).of("acme").orElseThrow();
        assertThat(acme.version()).isEqualTo(3);
        assertThat(acme.checks()).extracting(QaCheck::kind).containsExactly(CheckKind.values());
        assertThat(acme.check(CheckKind.GREETING).orElseThrow().phrases()).containsExactly("hello", "您好");
        assertThat(acme.check(CheckKind.REPLY_TIME).orElseThrow().targetSeconds()).isEqualTo(60);
        assertThat(acme.check(CheckKind.TRANSFERS).orElseThrow().max()).isEqualTo(1);
        assertThat(Scorecards.parse(VALID).of("globex")).isEmpty();
    }

    @Test
    void refusesAnInvalidScorecardNamingTheFieldAndTheReason() {
        List<List<String>> cases = List.of(
                List.of("{\"acme\": {\"checks\": [{\"check\": \"survey_offered\", \"weight\": 1}]}}",
                        "acme.version", "a whole number of at least 1 is required"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": []}}", "acme.checks", "needs at least one check"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"smile\", \"weight\": 1}]}}",
                        "acme.checks[0].check", "must be one of [greeting, forbidden_phrases, closing, reply_time,"
                                + " transfers, survey_offered], not 'smile'"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"survey_offered\", \"weight\": 0}]}}",
                        "acme.checks[0].weight", "a whole number from 1 to 100 is required"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"greeting\", \"weight\": 1}]}}",
                        "acme.checks[0].phrases", "needs at least one phrase"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"greeting\", \"weight\": 1,"
                        + " \"phrases\": [\"hi\", \" \"]}]}}", "acme.checks[0].phrases[1]", "must not be blank"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"reply_time\", \"weight\": 1}]}}",
                        "acme.checks[0].targetSeconds", "a whole number from 1 to 86400 is required"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"transfers\", \"weight\": 1, \"max\": -1}]}}",
                        "acme.checks[0].max", "a whole number from 0 to 100 is required"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"transfers\", \"weight\": 1, \"max\": 1,"
                        + " \"phrases\": [\"hi\"]}]}}", "acme.checks[0].phrases",
                        "only greeting, forbidden_phrases and closing take phrases"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"survey_offered\", \"weight\": 1,"
                        + " \"targetSeconds\": 5}]}}", "acme.checks[0].targetSeconds", "only reply_time takes it"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"survey_offered\", \"weight\": 1},"
                        + " {\"check\": \"survey_offered\", \"weight\": 2}]}}", "acme.checks[1].check",
                        "'survey_offered' is listed twice"),
                List.of("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"survey_offered\", \"weight\": 1,"
                        + " \"colour\": \"red\"}]}}", "(scorecards)", "not the JSON of scorecards: Unrecognized field"));
        for (List<String> c : cases) {
            assertThatThrownBy(() -> Scorecards.parse(c.get(0))).as(c.get(0))
                    .isInstanceOfSatisfying(InvalidScorecardException.class, e -> {
                        assertThat(e.field()).isEqualTo(c.get(1));
                        assertThat(e.reason()).startsWith(c.get(2));
                    });
        }
    }

    @Test
    void noFileNoScorecards() {
        assertThat(Scorecards.load(java.util.Optional.empty()).tenants()).isEmpty();
    }
}
