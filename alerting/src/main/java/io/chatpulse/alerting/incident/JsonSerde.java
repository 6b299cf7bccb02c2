package io.chatpulse.alerting.incident;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the lifecycle's own state (incidents, silences), which no other component reads: records
 * evolve by adding fields, which old JSON simply lacks.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, type);
    }
}
