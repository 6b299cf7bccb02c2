package io.chatpulse.dashboards.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The module's provisioning files and dashboards, read from the module folder. */
final class Provisioning {

    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path DATASOURCES = MODULE.resolve("provisioning/datasources");
    static final Path DASHBOARD_PROVIDERS = MODULE.resolve("provisioning/dashboards");
    static final Path DASHBOARDS = MODULE.resolve("grafana");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A dashboard file and its parsed JSON. */
    record Dashboard(Path file, JsonNode json) {
        String uid() {
            return json.path("uid").asString("");
        }

        List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(json.path("panels"), panels);
            return panels;
        }

        List<JsonNode> variables() {
            List<JsonNode> variables = new ArrayList<>();
            json.path("templating").path("list").forEach(variables::add);
            return variables;
        }

        // Rows may nest panels (a collapsed row keeps them under its own "panels").
        private static void collectPanels(JsonNode array, List<JsonNode> into) {
            for (JsonNode panel : array) {
                if ("row".equals(panel.path("type").asString(""))) {
                    collectPanels(panel.path("panels"), into);
                } else {
                    into.add(panel);
                }
            }
        }
    }

    private Provisioning() {
    }

    static List<Dashboard> dashboards() {
        return files(DASHBOARDS, ".json").stream().map(f -> new Dashboard(f, JSON.readTree(f.toFile()))).toList();
    }

    static List<JsonNode> datasourceFiles() {
        return files(DATASOURCES, ".yaml").stream().map(f -> YAML.readTree(f.toFile())).toList();
    }

    static List<JsonNode> dashboardProviderFiles() {
        return files(DASHBOARD_PROVIDERS, ".yaml").stream().map(f -> YAML.readTree(f.toFile())).toList();
    }

    /** Every provisioned datasource, over all datasource files. */
    static List<JsonNode> datasources() {
        List<JsonNode> all = new ArrayList<>();
        datasourceFiles().forEach(file -> file.path("datasources").forEach(all::add));
        return all;
    }

    /** The rawSql of a query variable, whether stored as a string or as a query object. */
    static String variableSql(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isString() ? query.asString() : query.path("rawSql").asString("");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
