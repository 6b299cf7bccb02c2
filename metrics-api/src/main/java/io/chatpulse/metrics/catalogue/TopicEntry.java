package io.chatpulse.metrics.catalogue;

import io.chatpulse.topiccatalogue.CatalogueEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One topic of a catalogue, in requests and answers. */
@Schema(description = "A topic: a message names it when one of its phrases or patterns occurs in it")
public record TopicEntry(
        @Schema(description = "unique within the tenant's catalogue", example = "returns") String name,
        @Schema(description = "plain phrases, case-insensitive; on word boundaries, or anywhere for scripts "
                + "without spaces", example = "[\"return\", \"send it back\", \"退货\"]") List<String> phrases,
        @Schema(description = "RE2 regular expressions, case-insensitive, anywhere in the text",
                example = "[\"refund(ed|s)?\"]") List<String> patterns) implements CatalogueEntry {

    public TopicEntry {
        phrases = phrases == null ? List.of() : phrases;
        patterns = patterns == null ? List.of() : patterns;
    }
}
