package io.chatpulse.topiccatalogue.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A tenant's QA checks from a file, in either shape: the admin API's body ({@code {"checks": [...]}})
 * or the KPI job's file of every tenant ({@code {"acme": {"version": 3, "checks": [...]}}}, the
 * tenant's checks taken; the API numbers the versions itself). Checked by
 * {@link Scorecard#validateChecks} before anything is sent.
 */
public final class ScorecardFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScorecardFile() {
    }

    /** The tenant's checks of the JSON text, checked; {@link InvalidScorecardException} names the field. */
    public static List<QaCheck> read(String json, String tenant) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScorecardException("(file)", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidScorecardException("(file)",
                    "must be an object: {\"checks\": [...]} or {\"<tenant>\": {\"checks\": [...]}}");
        }
        if (!root.has("checks") && !root.path(tenant).isObject()) {
            throw new InvalidScorecardException("(file)", "has neither \"checks\" nor the tenant \"" + tenant + "\"");
        }
        String field = root.has("checks") ? "checks" : tenant + ".checks";
        JsonNode checks = root.has("checks") ? root.get("checks") : root.get(tenant).get("checks");
        List<QaCheck> list;
        try {
            list = JSON.convertValue(checks, JSON.getTypeFactory().constructCollectionType(List.class, QaCheck.class));
        } catch (IllegalArgumentException e) {
            String why = e.getCause() instanceof JsonProcessingException cause ? cause.getOriginalMessage() : e.getMessage();
            throw new InvalidScorecardException(field, "not a list of checks: " + why);
        }
        Scorecard.validateChecks(field, list);
        return list;
    }
}
