package io.chatpulse.streamjobs.bench;

import io.chatpulse.streamjobs.JobConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's command line, {@code --name value} pairs: its own numeric options (each with a
 * default) and, mixed in, settings of the job it runs ({@code --parallelism 2}), so the job can be
 * measured with other settings without an environment variable.
 */
public record BenchmarkArgs(Map<String, String> options, List<String> jobSettings) {

    /** Rejects an unknown name, a missing value and a non-numeric option before any engine starts. */
    public static BenchmarkArgs parse(Map<String, String> defaults, String... args) {
        Map<String, String> options = new HashMap<>(defaults);
        List<String> jobSettings = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            if (defaults.containsKey(args[i])) {
                options.put(args[i], args[i + 1]);
            } else {
                jobSettings.addAll(List.of(args[i], args[i + 1]));
            }
        }
        BenchmarkArgs parsed = new BenchmarkArgs(Map.copyOf(options), List.copyOf(jobSettings));
        defaults.keySet().forEach(parsed::number);
        parsed.jobConfig(Map.of());
        return parsed;
    }

    /** As {@link #parse}; {@code --help} or a bad argument prints the usage and the job's settings, and exits. */
    public static BenchmarkArgs parseOrExit(String usage, Map<String, String> defaults, String... args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage + "\n\n" + JobConfig.help("ConversationKpiJob", "the job measured"));
            System.exit(0);
        }
        try {
            return parse(defaults, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage + " (--help lists the job settings)");
            System.exit(2);
            return null;
        }
    }

    public long number(String option) {
        String value = options.get(option);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number: " + value);
        }
    }

    /** The job's settings: the environment's, overridden by those on the command line. */
    public JobConfig jobConfig(Map<String, String> environment) {
        return JobConfig.from(environment, jobSettings.toArray(String[]::new));
    }
}
