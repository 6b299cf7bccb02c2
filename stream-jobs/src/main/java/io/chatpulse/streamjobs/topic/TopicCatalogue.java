package io.chatpulse.streamjobs.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.chatpulse.topiccatalogue.CatalogueLimits;
import io.chatpulse.topiccatalogue.CatalogueRules;
import io.chatpulse.topiccatalogue.InvalidCatalogueException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tenant's topics, in the order the tenant listed them (the order breaks ties between topics
 * matched at the same place). Read from JSON, an object of tenant to topics:
 *
 * <pre>
 * {"acme": [
 *   {"name": "returns", "phrases": ["return", "send it back", "退货"], "patterns": ["refund(ed|s)?"]},
 *   {"name": "delivery", "phrases": ["delivery", "parcel", "快递"]}
 * ]}
 * </pre>
 *
 * Validated as a whole before use: an invalid catalogue is refused with the field and the reason
 * ({@link InvalidCatalogueException}), never half applied.
 */
public record TopicCatalogue(Map<String, List<Topic>> tenants) implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TopicCatalogue {
        tenants = Map.copyOf(tenants);
        validate(tenants);
    }

    public static TopicCatalogue empty() {
        return new TopicCatalogue(Map.of());
    }

    /** The catalogue of a JSON text (format above). */
    public static TopicCatalogue parse(String json) {
        TypeFactory types = JSON.getTypeFactory();
        try {
            Map<String, List<Topic>> tenants = JSON.readValue(json, types.constructMapType(LinkedHashMap.class,
                    types.constructType(String.class), types.constructCollectionType(List.class, Topic.class)));
            if (tenants == null) {
                throw new InvalidCatalogueException("(catalogue)", "must be an object of tenant to topics, not null");
            }
            return new TopicCatalogue(tenants);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogueException("(catalogue)", "not the JSON of a catalogue: " + e.getOriginalMessage());
        }
    }

    /** The catalogue of a JSON file; no file, the empty catalogue. */
    public static TopicCatalogue load(Optional<String> path) {
        if (path.isEmpty() || path.get().isBlank()) {
            return empty();
        }
        try {
            return parse(Files.readString(Path.of(path.get())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic catalogue " + path, e);
        }
    }

    /** The tenant's topics; none for a tenant the catalogue does not name. */
    public List<Topic> topicsOf(String tenant) {
        return tenants.getOrDefault(tenant, List.of());
    }

    private static void validate(Map<String, List<Topic>> tenants) {
        for (Map.Entry<String, List<Topic>> tenant : tenants.entrySet()) {
            if (tenant.getKey().isBlank()) {
                throw new InvalidCatalogueException("(tenant)", "a tenant id must not be blank");
            }
            validate(tenant.getKey(), tenant.getValue());
        }
    }

    /** Checks one tenant's topics by the rules of the admin API and the file loader, with the default limits. */
    public static void validate(String field, List<Topic> topics) {
        CatalogueRules.validate(field, topics, CatalogueLimits.DEFAULTS);
    }
}
