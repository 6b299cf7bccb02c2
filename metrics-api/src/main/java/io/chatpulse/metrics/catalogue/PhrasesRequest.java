package io.chatpulse.metrics.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a PUT of one topic: its name is the path's. */
@Schema(description = "One topic's phrases and patterns")
public record PhrasesRequest(List<String> phrases, List<String> patterns) {
}
