package io.chatpulse.e2e.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.benchmarks.forecast.ForecastScenario;
import io.chatpulse.benchmarks.forecast.ScenarioOutcome;
import io.chatpulse.benchmarks.forecast.ScenarioRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's proof through the whole system on its embedded default, with the default page
 * threshold (120 s) and warning (level 0.5, hold 60 s): the simulator drives chat-core, the queue
 * monitor forecasts, alerting delivers to a webhook here. A surge (three of four agents leave as
 * arrivals rise by half) warns at least 60 s before the first page of its queue; a steady desk with
 * enough agents raises no warning for {@code forecast.steady-minutes} (default 30). Minutes each:
 * run by {@code ./chatpulse scenarios}, not in the default run (docs/forecast.md).
 */
class ForecastWarningIT {

    private static final Duration LEAD = Duration.ofSeconds(60);
    private static ScenarioRunner runner;
    private static String run;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        run = Long.toString(System.currentTimeMillis(), 36);
        runner = ScenarioRunner.start(home, home.resolve("e2e-tests/target/e2e-forecast-" + System.nanoTime()),
                System.out);
    }

    @AfterAll
    static void stopTheSystem() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void aSurgeWarnsAtLeastAMinuteBeforeThePage() throws Exception {
        ScenarioOutcome outcome = runner.run(ForecastScenario.surge("surge-" + run, 21));

        assertThat(outcome.firstPage()).as("the surge makes a customer wait past 120 s: %s", outcome).isPresent();
        assertThat(outcome.firstWarning()).as("a forecast warning: %s", outcome).isPresent();
        assertThat(outcome.earlyWarnings()).as("no warning while the desk was steady: %s", outcome).isZero();
        assertThat(outcome.lead().orElseThrow()).as("warning -> page: %s", outcome).isGreaterThanOrEqualTo(LEAD);
        assertThat(outcome.falseWarnings()).as("%s", outcome).isZero();
    }

    @Test
    void aSteadyDeskWithEnoughAgentsRaisesNoWarning() throws Exception {
        Duration steadyFor = Duration.ofMinutes(Long.getLong("forecast.steady-minutes", 30));
        ScenarioOutcome outcome = runner.run(ForecastScenario.steady("steady-" + run, steadyFor, 7));

        assertThat(outcome.warnings()).as("forecast warnings in %s of a steady desk: %s", steadyFor, outcome).isZero();
        assertThat(outcome.firstPage()).as("nor a page: %s", outcome).isEmpty();
    }
}
