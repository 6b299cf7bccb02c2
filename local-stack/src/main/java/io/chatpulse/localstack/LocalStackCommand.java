package io.chatpulse.localstack;

import io.chatpulse.localstack.process.ChildProcess;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/** {@code chatpulse up}: runs the embedded stack in the foreground until Ctrl-C. */
public final class LocalStackCommand {

    /** Set by Ctrl-C: from then on components ending is expected, not a failure to report. */
    private static volatile boolean stopping;

    private LocalStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(StackSettings.USAGE);
            return;
        }
        boolean cluster = Arrays.asList(args).contains("--cluster");
        StackSettings settings;
        try {
            settings = StackSettings.parse(Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath(),
                    Arrays.stream(args).filter(a -> !a.equals("--cluster")).toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("chatpulse: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("chatpulse: starting the " + (cluster ? "cluster" : "embedded stack") + ", data in "
                + settings.dataDir());
        RunningStack stack;
        try {
            stack = cluster ? ClusterStack.start(settings, System.out) : LocalStack.start(settings, System.out);
        } catch (RuntimeException e) {
            System.err.println("chatpulse: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            System.out.println("\nchatpulse: stopping everything ...");
            stack.close();
            System.out.println("chatpulse: stopped; data kept in " + settings.dataDir());
        }, "chatpulse-stop"));
        if (stack instanceof ClusterStack clusterStack) {
            clusterStack.printWhereToLook(System.out);
        } else if (stack instanceof LocalStack local) {
            System.out.print(WhereToLook.embedded(settings, local.jobRestPorts(), LocalDate.now(ZoneOffset.UTC),
                    local.pagesToDemoChannel()));
        }
        PageFollower pages = stack.demoChannelFile().map(PageFollower::new).orElse(null);
        superviseUntilOneDies(stack, pages);
        System.exit(1);
    }

    /** Returns only when an application has died; its log tail says why. */
    private static void superviseUntilOneDies(RunningStack stack, PageFollower pages) throws InterruptedException {
        while (true) {
            if (pages != null) {
                pages.newLines().forEach(page -> System.out.println("page: " + page));
            }
            Optional<ChildProcess> dead = stack.firstDeadApplication();
            if (dead.isPresent() && !dead.get().name().startsWith("simulator") && !stopping) {
                System.err.printf("chatpulse: %s has stopped; last lines of %s:%n%s%n",
                        dead.get().name(), dead.get().log(), dead.get().tail(20));
                return;
            }
            Thread.sleep(1000);
        }
    }
}
