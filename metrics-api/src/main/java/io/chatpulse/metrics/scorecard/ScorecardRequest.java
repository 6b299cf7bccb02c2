package io.chatpulse.metrics.scorecard;

import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a PUT of the scorecard, and the file the loader reads. */
@Schema(description = "The tenant's whole list of checks: each kind at most once (docs/kpi-qa.md)")
public record ScorecardRequest(List<QaCheck> checks) {
}
