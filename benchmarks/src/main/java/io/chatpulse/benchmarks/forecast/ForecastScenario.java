package io.chatpulse.benchmarks.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the simulator in a queue of its own, shaped to test the forecast warning against the
 * 2-minute page (docs/forecast.md). A desk of four agents of five chats each at ten conversations a
 * minute (about 12 of the 20 chat slots busy); in a surge, at {@code surgeAt} three of the four log
 * out for good as arrivals rise by half, and the one left can serve fewer than a third of them.
 * Human delays run at half speed (pace 2): a chat is handled in about a minute, and customers give up
 * after 300 s on average (exponential), so most who are still waiting reach the page threshold.
 * Shifts longer than any run and a flat arrival rate: the desk changes only when the scenario says.
 *
 * @param surgeAt  when the desk shrinks and the arrivals rise; null: a steady run
 * @param duration how long the simulator runs; null: until stopped (a surge runs until the page)
 */
public record ForecastScenario(String queue, double ratePerMinute, int agents, int agentCapacity,
                               Duration surgeAt, double surgeRatePerMinute, int agentsLeaving, Duration duration,
                               long seed) {

    /** Every human delay doubled (the simulator's --pace), customers' patience with them. */
    public static final double PACE = 2;

    /**
     * The only setting off metrics.md's defaults: the handle time assumed until 20 are measured, the
     * desk's (about a minute) instead of 5 minutes. With 5 minutes a fresh queue at 10 a minute would
     * read 50 Erlangs on 20 slots and warn in its first minutes, before it has measured anything.
     * The page threshold (120 s), the warning's level (0.5), hold (60 s) and the 15-minute arrival
     * window stay the defaults.
     */
    public static final String QUEUE_MONITOR_RULES = "queue_forecast.default-handle-time=60s";

    public static ForecastScenario surge(String queue, long seed) {
        return new ForecastScenario(queue, 10, 4, 5, Duration.ofMinutes(3), 15, 3, null, seed);
    }

    public static ForecastScenario steady(String queue, Duration duration, long seed) {
        return new ForecastScenario(queue, 10, 4, 5, null, 0, 0, duration, seed);
    }

    public boolean surges() {
        return surgeAt != null;
    }

    public List<String> simulatorArgs(String chatCoreUrl, String apiKey) {
        List<String> args = new ArrayList<>(List.of("--url", chatCoreUrl, "--api-key", apiKey, "--queues", queue,
                "--rate", number(ratePerMinute), "--wave", "0", "--agents", String.valueOf(agents),
                "--agent-capacity", String.valueOf(agentCapacity), "--shift", "1000h", "--routing", "chat-core",
                "--pace", number(PACE), "--seed", String.valueOf(seed), "--progress", "30s"));
        if (surges()) {
            String at = surgeAt.toSeconds() + "s";
            args.addAll(List.of("--surge-at", at, "--surge-rate", number(surgeRatePerMinute),
                    "--agents-leave-at", at, "--agents-leaving", String.valueOf(agentsLeaving)));
        }
        if (duration != null) {
            args.addAll(List.of("--duration", duration.toSeconds() + "s"));
        }
        return args;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
