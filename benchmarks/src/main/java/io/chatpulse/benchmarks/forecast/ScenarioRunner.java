package io.chatpulse.benchmarks.forecast;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.Ports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on its embedded default (broker, ClickHouse, both jobs, chat-core, alerting with
 * a webhook to {@link AlertHook}) and the simulator's scenarios run on it one after the other, each in
 * a queue of its own, so each starts with a queue the monitor has never seen.
 */
public final class ScenarioRunner implements AutoCloseable {

    /** A warning is false when no page of its queue follows within this. */
    public static final Duration PAGE_WITHIN = Duration.ofMinutes(5);
    /** How long after the surge a page may take before the run gives up on it. */
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(8);

    private final AlertHook hook;
    private final LocalStack stack;
    private final PrintStream out;

    private ScenarioRunner(AlertHook hook, LocalStack stack, PrintStream out) {
        this.hook = hook;
        this.stack = stack;
        this.out = out;
    }

    public static ScenarioRunner start(Path home, Path dataDir, PrintStream out) throws Exception {
        AlertHook hook = new AlertHook();
        StackSettings settings = StackSettings.defaults(home).withDataDir(dataDir)
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        try {
            LocalStack stack = LocalStack.start(settings, Map.of(
                    "alerting", Map.of("SPRING_APPLICATION_JSON", hook.alertingJson()),
                    "queue-monitor", Map.of("ALERT_RULES", ForecastScenario.QUEUE_MONITOR_RULES)), out);
            return new ScenarioRunner(hook, stack, out);
        } catch (RuntimeException e) {
            hook.close();
            throw e;
        }
    }

    /**
     * Runs the simulator with the scenario: a surge until its queue is paged (or
     * {@link #PAGE_TIMEOUT} after the surge), a steady run for its duration.
     */
    public ScenarioOutcome run(ForecastScenario scenario) throws InterruptedException {
        StackSettings settings = stack.settings();
        Instant started = Instant.now();
        ChildProcess simulator = Application.executableJar(settings.home(), "simulator", "256m", Map.of(),
                        scenario.simulatorArgs("http://127.0.0.1:" + settings.chatCorePort(), settings.apiKey()))
                .renamed("simulator-" + scenario.queue()).start(settings.logDir());
        Optional<Instant> surgeAt = Optional.ofNullable(scenario.surgeAt()).map(started::plus);
        try {
            if (scenario.surges()) {
                awaitPage(scenario.queue(), surgeAt.get().plus(PAGE_TIMEOUT), simulator);
            } else {
                simulator.awaitSuccess(scenario.duration().plus(Duration.ofMinutes(1)));
            }
        } finally {
            simulator.destroy(Duration.ofSeconds(30));
        }
        out.println("simulator " + scenario.queue() + ": " + simulator.tail(1));
        return ScenarioOutcome.of(hook.received(), scenario.queue(), surgeAt, PAGE_WITHIN);
    }

    private void awaitPage(String queue, Instant deadline, ChildProcess simulator) throws InterruptedException {
        while (Instant.now().isBefore(deadline) && simulator.isAlive()
                && hook.received().stream().noneMatch(d -> d.triggers(Delivery.PAGE, queue))) {
            Thread.sleep(500);
        }
    }

    public StackSettings settings() {
        return stack.settings();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            hook.close();
        }
    }
}
