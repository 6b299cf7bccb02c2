package io.chatpulse.localstack;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The project's own applications a runner has started, each in its own process with its log in one
 * folder, and what says each is up; stopped newest first. Extra environment per application name
 * (e.g. alerting's notification channels) is added to whatever it is started with.
 */
final class Applications implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** A started application and what says it is up. */
    private record Launched(ChildProcess process, BooleanSupplier ready) {
    }

    private final Path logDir;
    private final Map<String, Map<String, String>> extraEnvironment;
    private final PrintStream out;
    private final List<Launched> launched = new ArrayList<>();
    /** Each application as it was started, by name, so that a fault test can start it again the same way. */
    private final Map<String, Application> configured = new HashMap<>();

    Applications(Path logDir, Map<String, Map<String, String>> extraEnvironment, PrintStream out) {
        this.logDir = logDir;
        this.extraEnvironment = extraEnvironment;
        this.out = out;
    }

    void launch(Application application, BooleanSupplier ready) {
        out.printf("  starting %-14s log: %s%n", application.name(), logDir.resolve(application.name() + ".log"));
        Application withExtras = application.withExtraEnvironment(
                extraEnvironment.getOrDefault(application.name(), Map.of()));
        configured.put(withExtras.name(), withExtras);
        launched.add(new Launched(withExtras.start(logDir), ready));
    }

    /** A Spring Boot service: up when its health endpoint says so. */
    void launchService(Application application, int port) {
        launch(application, () -> HealthCheck.healthy(port));
    }

    /** Returns once every application launched so far is up. */
    void awaitAll() {
        for (Launched l : launched) {
            l.process().awaitReady(l.ready(), START_TIMEOUT);
            out.printf("  %-14s up%n", l.process().name());
        }
    }

    void kill(String name) {
        launched.get(indexOf(name)).process().kill();
    }

    /** Starts one application again as it was first started, once the old process has ended; returns when it is up. */
    void restart(String name) {
        int index = indexOf(name);
        Launched old = launched.get(index);
        old.process().destroy(Duration.ofSeconds(30));
        out.printf("  restarting %-14s log: %s%n", name, old.process().log());
        Launched again = new Launched(configured.get(name).start(logDir), old.ready());
        launched.set(index, again);
        again.process().awaitReady(again.ready(), START_TIMEOUT);
    }

    private int indexOf(String name) {
        for (int i = 0; i < launched.size(); i++) {
            if (launched.get(i).process().name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no application named " + name + " in " + pids().keySet());
    }

    /** The process id of each application by name, in start order. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        launched.forEach(l -> pids.put(l.process().name(), l.process().pid()));
        return pids;
    }

    Optional<ChildProcess> firstDead() {
        return launched.stream().map(Launched::process).filter(p -> !p.isAlive()).findFirst();
    }

    /** Runs one step of a start-up, saying what and how long it took. */
    static void step(PrintStream out, String what, Runnable action) {
        long started = System.nanoTime();
        out.printf("  starting %s ...%n", what);
        action.run();
        out.printf("  %s up in %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    @SafeVarargs
    static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> m : maps) {
            all.putAll(m);
        }
        return all;
    }

    @Override
    public void close() {
        for (int i = launched.size() - 1; i >= 0; i--) {
            launched.get(i).process().destroy(Duration.ofSeconds(30));
        }
    }
}
