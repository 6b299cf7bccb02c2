package io.chatpulse.streamjobs.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.topiccatalogue.CatalogueLimits;
import io.chatpulse.topiccatalogue.InvalidCatalogueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicCatalogueTest {

    @Test
    void readsEachTenantsTopicsInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("topics.json");
        Files.writeString(file, """
                {"acme": [
                  {"name": "returns", "phrases": ["return", "退货"], "patterns": ["refund(ed|s)?"]},
                  {"name": "delivery", "phrases": ["parcel"]}
                ],
                 "globex": [{"name": "billing", "patterns": ["invoice #?\\\\d+"]}]}
                """);
        TopicCatalogue catalogue = TopicCatalogue.load(Optional.of(file.toString()));
        assertThat(catalogue.topicsOf("acme")).extracting(Topic::name).containsExactly("returns", "delivery");
        assertThat(catalogue.topicsOf("acme").get(1).patterns()).isEmpty();
        assertThat(catalogue.topicsOf("globex").get(0).patterns()).containsExactly("invoice #?\\d+");
        assertThat(catalogue.topicsOf("initech")).isEmpty();
    }

    @Test
    void noFileIsTheEmptyCatalogue() {
        assertThat(TopicCatalogue.load(Optional.empty()).tenants()).isEmpty();
    }

    @Test
    void refusesWhatCannotBeUsedNamingTheField() {
        assertRefused("{\"acme\": [{\"name\": \" \", \"phrases\": [\"x\"]}]}", "acme[0].name", "must not be blank");
        assertRefused("{\"acme\": [{\"name\": \"a\"}]}", "acme[0]", "needs at least one phrase or pattern");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"phrases\": [\"x\"]}, {\"name\": \"a\", \"phrases\": [\"y\"]}]}",
                "acme[1].name", "'a' is named twice");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"phrases\": [\"x\", \"\"]}]}", "acme[0].phrases[1]", "must not be blank");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"patterns\": [\"(unclosed\"]}]}", "acme[0].patterns[0]",
                "not a regular expression (RE2 syntax)");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"patterns\": [\"x*\"]}]}", "acme[0].patterns[0]",
                "matches the empty text");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"patterns\": [\"(a)\\\\1\"]}]}", "acme[0].patterns[0]",
                "not a regular expression (RE2 syntax)");
        assertRefused("{\"acme\": [{\"name\": \"a\", \"phrasez\": [\"x\"]}]}", "(catalogue)", "not the JSON of a catalogue");
        assertRefused("[1, 2]", "(catalogue)", "not the JSON of a catalogue");
    }

    @Test
    void refusesMoreTopicsThanTheLimit() {
        List<Topic> many = java.util.stream.IntStream.rangeClosed(0, CatalogueLimits.DEFAULTS.maxTopics())
                .mapToObj(i -> new Topic("t" + i, List.of("p" + i), List.of())).toList();
        assertThatThrownBy(() -> TopicCatalogue.validate("acme", many))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.field()).isEqualTo("acme"));
    }

    private static void assertRefused(String json, String field, String reason) {
        assertThatThrownBy(() -> TopicCatalogue.parse(json))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(reason);
                });
    }
}
