package io.chatpulse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

    @TempDir
    Path run;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void everyBenchmarkHasARowAndEveryMissedTargetSaysNotMet() throws Exception {
        copySamples("ingest", "backfill", "freshness", "alert-latency", "live", "report");
        Files.copy(Samples.path("paging-failed.out"), run.resolve("paging.out"));

        String report = Files.readString(BenchmarkReport.write(run, rootPom()));

        List<String> rows = report.lines().filter(line -> line.startsWith("| ") && line.contains("`")).toList();
        assertThat(rows).hasSize(Benchmarks.ALL.size());
        Benchmarks.ALL.forEach(b -> assertThat(report).contains("| " + b.title() + " |"));
        assertThat(rows).filteredOn(row -> row.startsWith("| chat-core ingest |")).singleElement().asString()
                .contains("throughput 3,412 messages/s").contains("throughput ≥ 5,000 messages/s")
                .contains("**NOT met** (throughput, p99)")
                .contains("`./chatpulse bench ingest --conversations 200");
        assertThat(report).contains("not parsed: no p50, p99, max in the output");
    }

    @Test
    void aBenchmarkWithoutOutputIsListedAsSuch() throws Exception {
        copySamples("ingest");

        String report = Files.readString(BenchmarkReport.write(run, rootPom()));

        assertThat(report).contains("| report latency (30-day agent report) | - | median as inserted < 1 s; "
                + "median merged < 1 s | no output (report.out) |");
    }

    @Test
    void machineVersionsAndLoadAverageAreRecorded() throws Exception {
        Files.writeString(run.resolve(Machine.UPTIME_AT_START),
                " 17:57:23 up  3:56,  0 user,  load average: 1.98, 6.00, 13.86\n");

        String report = Files.readString(BenchmarkReport.write(run, rootPom()));

        assertThat(report).contains("| cores | " + Runtime.getRuntime().availableProcessors() + " |")
                .contains("| load average (1, 5, 15 min) at the start | 1.98, 6.00, 13.86 |")
                .contains("| load average (1, 5, 15 min) at the end | not recorded |")
                .contains("| Kafka | 4.2.1 |").contains("| Spring Boot (parent) | 4.1.2 |")
                .contains("| Flink | not in pom.xml |");
    }

    @Test
    void plotsArePngsEmbeddedInTheReport() throws Exception {
        copySamples("ingest", "freshness", "backfill");

        String report = Files.readString(BenchmarkReport.write(run, rootPom()));

        for (String png : List.of("ingest.png", "freshness.png", Plots.THROUGHPUT_FILE)) {
            assertThat(report).contains("](" + png + ")");
            BufferedImage image = ImageIO.read(run.resolve(png).toFile());
            assertThat(image.getWidth()).isPositive();
        }
        assertThat(run.resolve("paging.png")).doesNotExist();
    }

    private void copySamples(String... names) throws Exception {
        for (String name : names) {
            Files.copy(Samples.path(name + ".out"), run.resolve(name + ".out"));
        }
    }

    /** A root pom as small as the versions need: the parent and some of the pinned properties. */
    private Path rootPom() throws Exception {
        return Files.writeString(run.resolve("pom.xml"), """
                <project><parent><version>4.1.2</version></parent>
                <properties><kafka.version>4.2.1</kafka.version><avro.version>1.12.2</avro.version></properties>
                </project>""");
    }
}
