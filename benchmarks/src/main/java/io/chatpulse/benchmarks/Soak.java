package io.chatpulse.benchmarks;

import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole stack under the simulator's steady load for a set time, sampled at a fixed interval:
 * memory of every process, consumer lag, freshness of the stored messages. Ends with a verdict
 * per series ({@link SoakSummary}); exit code 1 when one grows or a process died.
 */
public final class Soak {

    static final String USAGE = """
            Usage: Soak [minutes=30] [rate=120] [sample-seconds=30]
            Starts the whole stack (free ports, a temporary data folder) with the traffic simulator at
            RATE conversations per minute, samples it every SAMPLE-SECONDS for MINUTES and prints a row
            per sample: RSS of every process, consumer lag of the stream jobs' groups on
            chatpulse.conversation-events, how many events the topic holds, the age of the newest stored
            message and how many are stored. Then per series the first- and second-half means, the
            second-half slope per hour and a verdict; the samples are also written as CSV.
            Exit code 0 when no series grows, 1 otherwise. Ctrl-C stops early with a summary so far.
            """;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        int minutes = argument(args, 0, 30);
        int rate = argument(args, 1, 120);
        int sampleSeconds = argument(args, 2, 30);
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(Files.createTempDirectory("chatpulse-soak"))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(rate);
        Path csv = settings.dataDir().resolve("soak.csv");
        System.out.printf("soak: %d min at %d conversations/min, a sample every %d s; data and logs in %s%n",
                minutes, rate, sampleSeconds, settings.dataDir());
        LocalStack stack = LocalStack.start(settings, System.out);
        System.exit(run(stack, Duration.ofMinutes(minutes), Duration.ofSeconds(sampleSeconds), csv) ? 0 : 1);
    }

    /** Samples until the time is up or a process dies; true when it ran through and nothing grows. */
    private static boolean run(LocalStack stack, Duration duration, Duration interval, Path csv)
            throws IOException, InterruptedException {
        List<SoakSample> samples = new CopyOnWriteArrayList<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C: what was measured so far still says something, then the stack goes down.
            // (During start there is no hook yet: each process's ParentWatchdog ends it with us.)
            if (stopped.compareAndSet(false, true)) {
                System.out.println("\nstopped early");
                SoakSummary.print(samples, System.out);
                stack.close();
            }
        }, "soak-stop"));
        printNotes(csv);
        Optional<String> death;
        try (StackProbe probe = new StackProbe(stack); PrintWriter rows = new PrintWriter(Files.newBufferedWriter(csv))) {
            death = sampleUntil(probe, duration, interval, samples, rows);
        }
        if (!stopped.compareAndSet(false, true)) {
            return false; // Ctrl-C came first: the hook has summarized and stopped the stack.
        }
        System.out.println("stopping the stack ...");
        stack.close();
        death.ifPresent(d -> System.out.println("\n" + d));
        boolean grows = SoakSummary.print(samples, System.out);
        System.out.println("samples as CSV: " + csv);
        return !grows && death.isEmpty();
    }

    private static Optional<String> sampleUntil(StackProbe probe, Duration duration, Duration interval,
                                                List<SoakSample> samples, PrintWriter rows) throws InterruptedException {
        Instant started = Instant.now();
        for (int k = 0; interval.multipliedBy(k).compareTo(duration) <= 0; k++) {
            sleepUntil(started.plus(interval.multipliedBy(k)));
            SoakSample sample = probe.sample(Duration.between(started, Instant.now()));
            if (samples.isEmpty()) {
                System.out.println(sample.tableHeader());
                rows.println(sample.csvHeader());
            }
            samples.add(sample);
            System.out.println(sample.tableRow());
            rows.println(sample.csvRow());
            rows.flush();
            Optional<String> death = probe.firstDeath();
            if (death.isPresent()) {
                return death;
            }
        }
        return Optional.empty();
    }

    private static void printNotes(Path csv) {
        System.out.printf("""
                RSS in MB from /proc; lag in records still to read by each group, from the offsets the jobs
                commit at their Flink checkpoints (every %.0f s), so it moves in steps of about that much
                traffic; offsets: records on the topic; fresh s: now minus the newest stored message's time.
                Samples also go to %s%n""", SoakSummary.CHECKPOINT_SECONDS, csv);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        // Rounded up: toMillis() truncates, and waking a fraction early prints 0:00:19 for 0:00:20.
        long millis = Duration.between(Instant.now(), when).toMillis() + 1;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int argument(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}
