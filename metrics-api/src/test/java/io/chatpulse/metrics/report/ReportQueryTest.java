package io.chatpulse.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    @Test
    void acceptsIanaNamesOnly() {
        assertThat(ReportQuery.zone(null)).isEqualTo(ZoneId.of("UTC"));
        assertThat(ReportQuery.zone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        for (String bad : new String[] {"+01:00", "CET+1", "Europe/Nowhere", "europe/berlin"}) {
            assertThatThrownBy(() -> ReportQuery.zone(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("timezone"));
        }
    }

    @Test
    void hoursAreBusinessOrAllAndAllByDefault() {
        assertThat(Hours.parse(null)).isEqualTo(Hours.ALL);
        assertThat(Hours.parse(" ")).isEqualTo(Hours.ALL);
        assertThat(Hours.parse("all")).isEqualTo(Hours.ALL);
        assertThat(Hours.parse("Business")).isEqualTo(Hours.BUSINESS);
        assertThat(Hours.BUSINESS.view("report_first_responses")).isEqualTo("report_first_responses_business");
        assertThat(Hours.ALL.view("report_first_responses")).isEqualTo("report_first_responses");
        assertThatThrownBy(() -> Hours.parse("office"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("hours");
                    assertThat(e.reason()).contains("business or all").contains("office");
                });
    }

    @Test
    void normalizesFiltersAndRejectsUnknownChannels() {
        assertThat(Filters.parse(" billing ", null, "web", " returns ")).isEqualTo(new Filters("billing", "", "WEB", "returns"));
        assertThatThrownBy(() -> Filters.parse(null, null, "fax", null)).hasMessageContaining("channel");
        assertThatThrownBy(() -> Filters.parse("q".repeat(201), null, null, null)).hasMessageContaining("queueId");
        assertThatThrownBy(() -> Filters.parse(null, null, null, "r".repeat(201))).hasMessageContaining("contactReason");
        assertThatThrownBy(() -> Filters.parse(null, null, null, "re\nturns")).hasMessageContaining("contactReason");
    }

    @Test
    void onlyAQueueChannelOrContactReasonFilterNarrowsTheConversations() {
        assertThat(Filters.NONE.byQueueOrChannel()).isFalse();
        assertThat(Filters.parse(null, "a-1", null, null).byQueueOrChannel()).isFalse();
        assertThat(Filters.parse("billing", null, null, null).byQueueOrChannel()).isTrue();
        assertThat(Filters.parse(null, null, "app", null).byQueueOrChannel()).isTrue();
        assertThat(Filters.parse(null, null, null, "returns").byQueueOrChannel()).isTrue();
    }
}
