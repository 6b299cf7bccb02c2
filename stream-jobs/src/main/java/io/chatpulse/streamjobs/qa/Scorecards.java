package io.chatpulse.streamjobs.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every tenant's QA scorecard, read from JSON, an object of tenant to scorecard:
 *
 * <pre>
 * {"acme": {"version": 3, "checks": [
 *   {"check": "greeting", "weight": 1, "phrases": ["hello", "您好"]},
 *   {"check": "reply_time", "weight": 2, "targetSeconds": 60}
 * ]}}
 * </pre>
 *
 * Validated as a whole before use ({@link Scorecard#validate}): an invalid file is refused with the
 * field and the reason, never half applied. A tenant without a scorecard gets no QA score.
 */
public record Scorecards(Map<String, Scorecard> tenants) implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Scorecards {
        tenants = Map.copyOf(tenants);
        for (Map.Entry<String, Scorecard> tenant : tenants.entrySet()) {
            if (tenant.getKey().isBlank()) {
                throw new InvalidScorecardException("(tenant)", "a tenant id must not be blank");
            }
            Scorecard.validate(tenant.getKey(), tenant.getValue());
        }
    }

    public static Scorecards none() {
        return new Scorecards(Map.of());
    }

    /** The scorecards of a JSON text (format above). */
    public static Scorecards parse(String json) {
        TypeFactory types = JSON.getTypeFactory();
        try {
            Map<String, Scorecard> tenants = JSON.readValue(json, types.constructMapType(LinkedHashMap.class,
                    String.class, Scorecard.class));
            if (tenants == null) {
                throw new InvalidScorecardException("(scorecards)", "must be an object of tenant to scorecard, not null");
            }
            return new Scorecards(tenants);
        } catch (JsonProcessingException e) {
            throw new InvalidScorecardException("(scorecards)", "not the JSON of scorecards: " + e.getOriginalMessage());
        }
    }

    /** The scorecards of a JSON file; no file, none. */
    public static Scorecards load(Optional<String> path) {
        if (path.isEmpty() || path.get().isBlank()) {
            return none();
        }
        try {
            return parse(Files.readString(Path.of(path.get())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the QA scorecards " + path.get(), e);
        }
    }

    public Optional<Scorecard> of(String tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }
}
