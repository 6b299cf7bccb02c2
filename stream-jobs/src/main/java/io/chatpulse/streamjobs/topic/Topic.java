package io.chatpulse.streamjobs.topic;

import io.chatpulse.topiccatalogue.CatalogueEntry;
import java.io.Serializable;
import java.util.List;

/**
 * One contact reason of a tenant's catalogue: its name, the plain phrases that name it and optional
 * regular expressions (RE2 syntax). A message is about the topic when any of them occurs in it.
 */
public record Topic(String name, List<String> phrases, List<String> patterns) implements Serializable, CatalogueEntry {

    public Topic {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }
}
