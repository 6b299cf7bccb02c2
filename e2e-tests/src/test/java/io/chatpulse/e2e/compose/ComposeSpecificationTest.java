package io.chatpulse.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml against the owner's own definition of the format: the Compose Specification's
 * JSON schema ({@code schema/compose-spec.json} of github.com/compose-spec/compose-spec at commit
 * 170098ba07d9f53c383a41bfd4c5166b0a4529a6, 2026-06-23, copied to the test resources), since no
 * Docker engine runs here to say {@code docker compose config}. The YAML is read with SnakeYAML, as
 * {@link ComposeFileTest} reads it, which resolves the {@code <<:} merges of the x- blocks first.
 */
class ComposeSpecificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        List<Error> errors = composeSpecification().validate(composeFile());
        assertThat(errors).as("docker-compose.yml against compose-spec.json").extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaCatchesAMistake() throws IOException {
        Map<String, Object> misspelt = Map.of("services", Map.of("chat-core", Map.of("image", "eclipse-temurin:17-jre",
                "restart_policy", "always", "ports", 8080)));
        assertThat(composeSpecification().validate(JSON.valueToTree(misspelt))).extracting(Error::toString)
                .anySatisfy(error -> assertThat(error).contains("restart_policy"))
                .anySatisfy(error -> assertThat(error).contains("ports"));
    }

    /** Loaded by its location, against which its relative {@code $id} resolves. */
    private static Schema composeSpecification() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
    }

    private static JsonNode composeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ComposeFileTest.ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return JSON.valueToTree(compose);
        }
    }
}
