package io.chatpulse.metrics.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a PUT of the whole catalogue, and the file the loader reads. */
@Schema(description = "The tenant's whole list of topics, in its order (it breaks ties between topics matched at "
        + "the same place)")
public record CatalogueRequest(List<TopicEntry> topics) {
}
