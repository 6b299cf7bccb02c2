package io.chatpulse.topiccatalogue.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardFileTest {

    @Test
    void readsTheApisBodyAndTheKpiJobsFileOfEveryTenant() {
        assertThat(ScorecardFile.read("{\"checks\": [{\"check\": \"reply_time\", \"weight\": 2, \"targetSeconds\": 60}]}",
                "acme")).containsExactly(new QaCheck("reply_time", 2, List.of(), 60, null));
        assertThat(ScorecardFile.read("{\"acme\": {\"version\": 3, \"checks\": [{\"check\": \"greeting\", \"weight\": 1,"
                + " \"phrases\": [\"hello\"]}]}, \"other\": {\"version\": 1, \"checks\": []}}", "acme"))
                .containsExactly(new QaCheck("greeting", 1, List.of("hello"), null, null));
    }

    @Test
    void refusesAFileNamingTheFieldAndTheReason() {
        assertRefused("{\"acme\": {\"version\": 1, \"checks\": [{\"check\": \"transfers\", \"weight\": 1}]}}",
                "acme.checks[0].max", "a whole number from 0 to 100 is required");
        assertRefused("{\"checks\": [{\"check\": \"closing\", \"weight\": 1, \"phrases\": [\"bye\"], \"colour\": 1}]}",
                "checks", "not a list of checks: Unrecognized field \"colour\"");
        assertRefused("{\"checks\": [{\"check\": \"greeting\", \"weight\": 1, \"targetSeconds\": 5, \"phrases\": [\"hi\"]}]}",
                "checks[0].targetSeconds", "only reply_time takes it");
        assertRefused("{\"other\": {\"checks\": []}}", "(file)", "has neither \"checks\" nor the tenant \"acme\"");
        assertRefused("[1, 2]", "(file)", "must be an object");
        assertRefused("{\"checks\": [", "(file)", "not JSON");
    }

    private static void assertRefused(String json, String field, String reason) {
        assertThatThrownBy(() -> ScorecardFile.read(json, "acme"))
                .isInstanceOfSatisfying(InvalidScorecardException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(reason);
                });
    }
}
