package io.chatpulse.benchmarks.report;

import java.util.List;
import java.util.Map;

/** The report as Markdown: when and where it was measured, the versions, the figures, the plots. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(String run, String writtenAt, Map<String, String> machine, Map<String, String> versions,
                         List<Outcome> outcomes, List<Plots.Plot> plots) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: ").append(run).append("\n\n")
                .append("Written ").append(writtenAt).append(" by `io.chatpulse.benchmarks.report.BenchmarkReport`")
                .append(" from the outputs beside this file (`<benchmark>.out`, each starting with the command")
                .append(" that ran). Benchmarks share the machine with their own engines, and a loaded machine")
                .append(" gives lower figures: read them with the load averages below.\n\n");
        md.append("## Machine\n\n");
        appendPairs(md, machine);
        md.append("## Versions\n\n");
        appendPairs(md, versions);
        md.append("## Figures\n\n| benchmark | figure | target | met / NOT met | command |\n|---|---|---|---|---|\n");
        for (Outcome outcome : outcomes) {
            md.append("| ").append(cell(outcome.benchmark().title())).append(" | ")
                    .append(cell(outcome.describeFigures())).append(" | ")
                    .append(cell(outcome.benchmark().describeTargets())).append(" | ")
                    .append(cell(outcome.status())).append(" | `").append(cell(outcome.command())).append("` |\n");
        }
        md.append("\n## Plots\n\n");
        for (Plots.Plot plot : plots) {
            md.append("### ").append(plot.caption()).append("\n\n![").append(plot.caption()).append("](")
                    .append(plot.file()).append(")\n\n");
        }
        return md.toString();
    }

    private static void appendPairs(StringBuilder md, Map<String, String> pairs) {
        md.append("| | |\n|---|---|\n");
        pairs.forEach((label, value) -> md.append("| ").append(cell(label)).append(" | ").append(cell(value))
                .append(" |\n"));
        md.append('\n');
    }

    /** A pipe would end the table cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
