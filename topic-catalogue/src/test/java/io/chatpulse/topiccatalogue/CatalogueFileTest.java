package io.chatpulse.topiccatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueFileTest {

    private static final CatalogueLimits LIMITS = CatalogueLimits.DEFAULTS;

    @Test
    void readsTheApisBodyAndTheKpiJobsFileOfEveryTenant() {
        assertThat(CatalogueFile.read("{\"topics\": [{\"name\": \"returns\", \"phrases\": [\"return\"]}]}", "acme", LIMITS))
                .containsExactly(new CatalogueFile.Entry("returns", List.of("return"), List.of()));
        assertThat(CatalogueFile.read("{\"acme\": [{\"name\": \"a\", \"patterns\": [\"refund\"]}],"
                + " \"other\": [{\"name\": \"b\", \"phrases\": [\"x\"]}]}", "acme", LIMITS))
                .containsExactly(new CatalogueFile.Entry("a", List.of(), List.of("refund")));
    }

    @Test
    void refusesAFileNamingTheFieldAndTheReason() {
        assertRefused("{\"acme\": [{\"name\": \"a\", \"patterns\": [\"(a+)\\\\1\"]}]}", "acme[0].patterns[0]",
                "not a regular expression (RE2 syntax)");
        assertRefused("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"x\"], \"colour\": \"red\"}]}", "topics",
                "not a list of topics: Unrecognized field \"colour\"");
        assertRefused("{\"other\": []}", "(file)", "has neither \"topics\" nor the tenant \"acme\"");
        assertRefused("[1, 2]", "(file)", "must be an object");
        assertRefused("{\"topics\": [", "(file)", "not JSON");
    }

    @Test
    void theLimitsAreTheCallersOwn() {
        CatalogueLimits two = new CatalogueLimits(2, 10, 20);
        assertThatThrownBy(() -> CatalogueFile.read("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"1\"]},"
                + " {\"name\": \"b\", \"phrases\": [\"2\"]}, {\"name\": \"c\", \"phrases\": [\"3\"]}]}", "acme", two))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> {
                    assertThat(e.field()).isEqualTo("topics");
                    assertThat(e.reason()).isEqualTo("at most 2 topics, not 3");
                });
        assertThatThrownBy(() -> CatalogueFile.read("{\"topics\": [{\"name\": \"" + "n".repeat(21)
                + "\", \"phrases\": [\"1\"]}]}", "acme", two))
                .hasMessage("topics[0].name: at most 20 characters, not 21");
    }

    private static void assertRefused(String json, String field, String reason) {
        assertThatThrownBy(() -> CatalogueFile.read(json, "acme", LIMITS))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(reason);
                });
    }
}
