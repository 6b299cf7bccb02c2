package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import io.chatpulse.localstack.clickhouse.ChdbLibrary;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FolderLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard type-checked against Grafana's own published definition, since no Grafana runs
 * here: the {@code Dashboard} type of the npm package {@code @grafana/schema} of the Grafana version
 * docker-compose.yml runs, by the TypeScript compiler. Both are fetched from the npm registry into
 * the project's cache once (as the ClickHouse engine is). The generated types make fields that
 * have a default required and spell enums as TypeScript enums, which JSON cannot name; the check
 * reads them as JSON does (an enum as its string values), and a dashboard spells the defaults out.
 */
class GrafanaSchemaTest {

    private static final String TYPESCRIPT = "5.9.3";
    private static final Pattern GRAFANA_IMAGE = Pattern.compile("image: grafana/grafana:(\\d+\\.\\d+\\.\\d+)");
    private static final Pattern ERROR_LINE = Pattern.compile("^(\\S+\\.ts)\\(\\d+,\\d+\\): error", Pattern.MULTILINE);

    @Test
    void everyDashboardIsADashboardOfTheGrafanaComposeRuns() throws Exception {
        Path packages = installed(grafanaVersion());
        Path schema = packages.resolve("node_modules/@grafana/schema/dist/types/index");
        Path check = Provisioning.MODULE.resolve("target/grafana-schema-check");
        Files.createDirectories(check);
        List<Path> files = new ArrayList<>();
        for (Dashboard dashboard : Provisioning.dashboards()) {
            files.add(write(check, dashboard.file().getFileName().toString().replace(".json", ".ts"), schema,
                    Files.readString(dashboard.file())));
        }
        // The check must bite: a misspelt panel list, a threshold mode Grafana does not know (one file
        // each: the compiler names only the first wrong property of one literal).
        files.add(write(check, "mistake-name.ts", schema, "{\"title\": \"wrong\", \"pannels\": []}"));
        files.add(write(check, "mistake-enum.ts", schema, """
                {"title": "wrong", "panels": [{"type": "stat", "gridPos": {"h": 4, "w": 6, "x": 0, "y": 0},
                 "fieldConfig": {"defaults": {"thresholds": {"mode": "relative-ish", "steps": []}}, "overrides": []}}]}"""));

        String output = tsc(packages, check, files);

        Matcher errors = ERROR_LINE.matcher(output);
        List<String> failing = new ArrayList<>();
        while (errors.find()) {
            failing.add(Path.of(errors.group(1)).getFileName().toString());
        }
        assertThat(failing).as(output).containsExactlyInAnyOrder("mistake-name.ts", "mistake-enum.ts");
        assertThat(output).contains("\"pannels\"' does not exist", "\"relative-ish\"' is not assignable");
    }

    /** The Grafana image's version in docker-compose.yml, which names the package version too. */
    private static String grafanaVersion() throws IOException {
        Matcher image = GRAFANA_IMAGE.matcher(Files.readString(Provisioning.MODULE.getParent().resolve("docker-compose.yml")));
        assertThat(image.find()).as("a grafana/grafana:X.Y.Z image in docker-compose.yml").isTrue();
        return image.group(1);
    }

    /** {@code @grafana/schema} of that version and the compiler, installed into the cache once. */
    private static Path installed(String grafana) {
        Path dir = ChdbLibrary.cacheDir().resolve("grafana-schema").resolve(grafana + "-typescript-" + TYPESCRIPT);
        Path compiler = dir.resolve("node_modules/typescript/bin/tsc");
        try (FolderLock ignored = FolderLock.acquireWaiting(dir.resolve(".install.lock"))) {
            if (!Files.isRegularFile(compiler)) {
                ChildProcess.exec("npm install", List.of("npm", "install", "--prefix", dir.toString(), "--no-audit",
                        "--no-fund", "@grafana/schema@" + grafana, "typescript@" + TYPESCRIPT), dir.resolve("install.log"))
                        .awaitSuccess(Duration.ofMinutes(5));
            }
        }
        return dir;
    }

    private static Path write(Path dir, String name, Path schema, String dashboardJson) throws IOException {
        String source = "import type { Dashboard } from '" + schema + "';\n"
                + "// A type as JSON spells it: an enum is its string values.\n"
                + "type Json<T> = T extends string ? `${T}` : T extends (infer U)[] ? Json<U>[]\n"
                + "    : T extends object ? { [K in keyof T]: Json<T[K]> } : T;\n"
                + "export const dashboard: Json<Dashboard> = " + dashboardJson + ";\n";
        return Files.writeString(dir.resolve(name), source, StandardCharsets.UTF_8);
    }

    /** Runs the compiler over the files; its output (it exits 2 over the deliberate mistake). */
    private static String tsc(Path packages, Path dir, List<Path> files) throws Exception {
        Path compiler = packages.resolve("node_modules/typescript/bin/tsc");
        List<String> command = new ArrayList<>(List.of("node", compiler.toString(), "--noEmit", "--strict",
                "--skipLibCheck", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler"));
        files.forEach(file -> command.add(file.toString()));
        Path log = dir.resolve("tsc.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("tsc did not finish within 2 minutes");
        }
        return Files.readString(log);
    }
}
