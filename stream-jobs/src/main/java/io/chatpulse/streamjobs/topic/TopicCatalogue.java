package io.chatpulse.streamjobs.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    public static final int MAX_TOPICS = 1_000;
    public static final int MAX_PHRASES = 20_000;
    public static final int MAX_LENGTH = 200;

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

    /** Checks one tenant's topics; {@code field} prefixes the fields named in an error. */
    public static void validate(String field, List<Topic> topics) {
        if (topics == null) {
            throw new InvalidCatalogueException(field, "must be a list of topics, not null");
        }
        if (topics.size() > MAX_TOPICS) {
            throw new InvalidCatalogueException(field, "at most " + MAX_TOPICS + " topics, not " + topics.size());
        }
        Set<String> names = new HashSet<>();
        int phrases = 0;
        for (int i = 0; i < topics.size(); i++) {
            String at = field + "[" + i + "]";
            Topic topic = topics.get(i);
            if (topic == null) {
                throw new InvalidCatalogueException(at, "must be a topic, not null");
            }
            checkText(at + ".name", topic.name());
            if (!names.add(topic.name())) {
                throw new InvalidCatalogueException(at + ".name", "'" + topic.name() + "' is named twice");
            }
            if (topic.phrases().isEmpty() && topic.patterns().isEmpty()) {
                throw new InvalidCatalogueException(at, "needs at least one phrase or pattern");
            }
            for (int p = 0; p < topic.phrases().size(); p++) {
                checkText(at + ".phrases[" + p + "]", topic.phrases().get(p));
            }
            for (int p = 0; p < topic.patterns().size(); p++) {
                checkPattern(at + ".patterns[" + p + "]", topic.patterns().get(p));
            }
            phrases += topic.phrases().size() + topic.patterns().size();
        }
        if (phrases > MAX_PHRASES) {
            throw new InvalidCatalogueException(field, "at most " + MAX_PHRASES + " phrases and patterns, not " + phrases);
        }
    }

    private static void checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCatalogueException(field, "must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCatalogueException(field, "at most " + MAX_LENGTH + " characters, not " + text.length());
        }
    }

    /** RE2 syntax: no backreferences or lookaround, so matching time is linear in the text. */
    private static void checkPattern(String field, String pattern) {
        checkText(field, pattern);
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidCatalogueException(field, "not a regular expression (RE2 syntax): " + e.getDescription());
        }
        if (compiled.matches("")) {
            throw new InvalidCatalogueException(field, "matches the empty text, so every message");
        }
    }
}
