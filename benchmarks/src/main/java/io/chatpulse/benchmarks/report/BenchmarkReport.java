package io.chatpulse.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@code report.md} (and its PNG plots) for a folder of benchmark outputs, one
 * {@code <name>.out} per benchmark of {@link Benchmarks#ALL}, as {@code ./chatpulse bench all}
 * leaves them. The versions are read from the root pom.xml under {@code -Dchatpulse.home}.
 * Arguments: FOLDER.
 */
public final class BenchmarkReport {

    private static final DateTimeFormatter WRITTEN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkReport FOLDER (holding <benchmark>.out files)");
            System.exit(2);
        }
        // The charts are drawn without a display.
        System.setProperty("java.awt.headless", "true");
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        Path report = write(Path.of(args[0]).toAbsolutePath(), home.resolve("pom.xml"));
        System.out.println("report written: " + report);
    }

    static Path write(Path folder, Path rootPom) throws Exception {
        List<Outcome> outcomes = Benchmarks.ALL.stream().map(b -> Outcome.read(b, folder)).toList();
        outcomes.forEach(o -> System.out.println(o.benchmark().name() + ": " + o.status()));
        String markdown = MarkdownReport.render(folder.getFileName().toString(),
                ZonedDateTime.now(ZoneOffset.UTC).format(WRITTEN_AT), Machine.describe(folder),
                Versions.read(rootPom), outcomes, Plots.write(outcomes, folder));
        Path report = folder.resolve("report.md");
        Files.writeString(report, markdown);
        return report;
    }
}
