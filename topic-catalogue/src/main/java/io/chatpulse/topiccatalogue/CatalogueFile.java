package io.chatpulse.topiccatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A tenant's topics from a file, in either shape: the admin API's body
 * ({@code {"topics": [...]}}) or the KPI job's file of every tenant ({@code {"acme": [...]}}, the
 * tenant's list taken). Checked by {@link CatalogueRules} before anything is sent.
 */
public final class CatalogueFile {

    /** One topic as the file writes it. */
    public record Entry(String name, List<String> phrases, List<String> patterns) implements CatalogueEntry {
        public Entry {
            phrases = phrases == null ? List.of() : phrases;
            patterns = patterns == null ? List.of() : patterns;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CatalogueFile() {
    }

    /** The tenant's topics of the JSON text, checked; {@link InvalidCatalogueException} names the field. */
    public static List<Entry> read(String json, String tenant, CatalogueLimits limits) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogueException("(file)", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCatalogueException("(file)", "must be an object: {\"topics\": [...]} or {\"<tenant>\": [...]}");
        }
        String field = root.has("topics") ? "topics" : tenant;
        if (!root.has(field)) {
            throw new InvalidCatalogueException("(file)", "has neither \"topics\" nor the tenant \"" + tenant + "\"");
        }
        List<Entry> topics;
        try {
            topics = JSON.convertValue(root.get(field), JSON.getTypeFactory().constructCollectionType(List.class, Entry.class));
        } catch (IllegalArgumentException e) {
            String why = e.getCause() instanceof JsonProcessingException cause ? cause.getOriginalMessage() : e.getMessage();
            throw new InvalidCatalogueException(field, "not a list of topics: " + why);
        }
        CatalogueRules.validate(field, topics, limits);
        return topics;
    }
}
