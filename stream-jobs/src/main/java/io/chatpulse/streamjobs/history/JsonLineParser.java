package io.chatpulse.streamjobs.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per line; null and "" mean absent, numbers and booleans are read as their text. */
final class JsonLineParser implements LineParser {

    // Trailing text or a repeated name would otherwise be dropped silently: half a line imported.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public Map<String, String> fields(String row) throws InvalidFieldException {
        JsonNode object = parse(row);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new InvalidFieldException(field.getKey(), "must be a text or a number, not " + value.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!value.isNull() && !value.asText().isEmpty()) {
                fields.put(field.getKey(), value.asText());
            }
        }
        return fields;
    }

    private static JsonNode parse(String row) throws InvalidFieldException {
        try {
            JsonNode node = JSON.readTree(row);
            if (node == null || !node.isObject()) {
                throw new InvalidFieldException(null, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
