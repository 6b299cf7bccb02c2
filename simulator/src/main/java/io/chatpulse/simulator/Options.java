package io.chatpulse.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Command-line options; {@link #parse} fails with a message naming the bad option. */
public record Options(
        URI url,
        String apiKey,
        double ratePerMinute,
        Duration duration,
        List<String> queues,
        int agents,
        int agentCapacity,
        Routing routing,
        Duration shift,
        double pace,
        double wave,
        Duration wavePeriod,
        long seed,
        Duration progressEvery,
        boolean help,
        Path acknowledged,
        Duration surgeAt,
        double surgeRatePerMinute,
        Duration agentsLeaveAt,
        int agentsLeaving) {

    /** Who assigns waiting conversations to agents. */
    public enum Routing {
        /** The simulated agents pick waiting conversations up themselves (POST .../assignment). */
        SIMULATOR,
        /** Agents log in and out through chat-core, which routes; each learns its work from its live stream. */
        CHAT_CORE
    }

    public static final String USAGE = """
            Usage: java -jar simulator.jar [options]

            Drives chat-core over HTTP with simulated customers and agents: agents log in and out
            in shifts, each conversation opens in a queue, the customer writes, chat-core assigns an
            agent (within each agent's capacity), they exchange a few messages, the agent resolves
            it and the customer may rate it; ratings drop with longer waits and impatient customers
            abandon.

            Options:
              --url URL              chat-core base URL (default http://localhost:8080)
              --api-key KEY          X-Api-Key sent with every call (default demo-key)
              --rate N               new conversations per minute, on average (default 60)
              --duration D           how long to run, e.g. 90s, 10m, 2h (default: until Ctrl-C)
              --queues A,B           queues to open conversations in (default support,billing)
              --agents N             simulated agents, about 4 in 5 on duty at a time (default 12)
              --agent-capacity N     conversations one agent holds at once (default 5)
              --shift D              an agent's shift; then off for a quarter of it (default 20m)
              --routing R            chat-core: agents log in and out, chat-core routes (default);
                                     simulator: agents, always there, pick up work themselves
              --pace F               multiplies every human delay; 0.5 = twice as fast (default 1)
              --wave A               arrival-rate swing, 0 (flat) to 0.9 (default 0.5)
              --wave-period D        length of one swing of the arrival rate (default 10m)
              --seed N               random seed, for a repeatable run (default: random)
              --progress D           interval of the progress line (default 5s)
              --acknowledged FILE    append one line per call chat-core acknowledged (2xx):
                                     kind, conversation or agent id, Idempotency-Key, status,
                                     tab-separated, flushed line by line (default: none)
              --surge-at D           from D into the run, the average rate is --surge-rate
              --surge-rate N         new conversations per minute from --surge-at on
              --agents-leave-at D    at D into the run, --agents-leaving of the agents on duty
                                     log out for good (after their open conversations)
              --agents-leaving N     how many agents leave at --agents-leave-at
              --help                 this text

            Example: java -jar simulator.jar --rate 120 --duration 10m --agents 8 --seed 42
            A surge: --rate 30 --surge-at 10m --surge-rate 90 --agents-leave-at 12m --agents-leaving 3
            """;

    private static final java.util.Set<String> KNOWN = java.util.Set.of("--url", "--api-key", "--rate", "--duration",
            "--queues", "--agents", "--agent-capacity", "--shift", "--routing", "--pace", "--wave", "--wave-period",
            "--seed", "--progress", "--acknowledged", "--surge-at", "--surge-rate", "--agents-leave-at",
            "--agents-leaving");

    public static Options parse(String... args) {
        Options o = new Options(URI.create("http://localhost:8080"), "demo-key", 60, null,
                List.of("support", "billing"), 12, 5, Routing.CHAT_CORE, Duration.ofMinutes(20), 1.0, 0.5,
                Duration.ofMinutes(10),
                System.nanoTime(), Duration.ofSeconds(5), false, null, null, 0, null, 0);
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String value = null;
            if (option.contains("=")) {
                value = option.substring(option.indexOf('=') + 1);
                option = option.substring(0, option.indexOf('='));
            }
            if (option.equals("--help") || option.equals("-h")) {
                return o.with(b -> b.help = true);
            }
            if (!KNOWN.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (value == null) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = rest.remove(0);
            }
            o = o.set(option, value);
        }
        return o.checkedTogether();
    }

    /** The options that only mean something in pairs, and with each other. */
    private Options checkedTogether() {
        if ((surgeAt == null) != (surgeRatePerMinute == 0)) {
            throw new IllegalArgumentException("--surge-at and --surge-rate go together: give both or neither");
        }
        if ((agentsLeaveAt == null) != (agentsLeaving == 0)) {
            throw new IllegalArgumentException("--agents-leave-at and --agents-leaving go together: give both or neither");
        }
        if (agentsLeaving > agents) {
            throw new IllegalArgumentException("--agents-leaving must be at most --agents (" + agents + ")");
        }
        // With the simulator routing, agents are a pool that is always there: nobody to log out.
        if (agentsLeaving > 0 && routing == Routing.SIMULATOR) {
            throw new IllegalArgumentException("--agents-leaving needs --routing chat-core: agents log out through chat-core");
        }
        return this;
    }

    private Options set(String option, String v) {
        return switch (option) {
            case "--url" -> with(b -> b.url = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v));
            case "--api-key" -> with(b -> b.apiKey = v);
            case "--rate" -> with(b -> b.ratePerMinute = positive(option, Double.parseDouble(v)));
            case "--duration" -> with(b -> b.duration = duration(option, v));
            case "--queues" -> with(b -> b.queues = queues(v));
            case "--agents" -> with(b -> b.agents = (int) positive(option, Integer.parseInt(v)));
            case "--agent-capacity" -> with(b -> b.agentCapacity = (int) positive(option, Integer.parseInt(v)));
            case "--shift" -> with(b -> b.shift = duration(option, v));
            case "--routing" -> with(b -> b.routing = routing(v));
            case "--pace" -> with(b -> b.pace = positive(option, Double.parseDouble(v)));
            case "--wave" -> with(b -> b.wave = between(option, Double.parseDouble(v), 0, 0.9));
            case "--wave-period" -> with(b -> b.wavePeriod = duration(option, v));
            case "--seed" -> with(b -> b.seed = Long.parseLong(v));
            case "--progress" -> with(b -> b.progressEvery = duration(option, v));
            case "--acknowledged" -> with(b -> b.acknowledged = Path.of(v));
            case "--surge-at" -> with(b -> b.surgeAt = duration(option, v));
            case "--surge-rate" -> with(b -> b.surgeRatePerMinute = positive(option, Double.parseDouble(v)));
            case "--agents-leave-at" -> with(b -> b.agentsLeaveAt = duration(option, v));
            case "--agents-leaving" -> with(b -> b.agentsLeaving = (int) positive(option, Integer.parseInt(v)));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    /** 90s, 10m, 2h, 1h30m, 500ms, or plain seconds. */
    public static Duration duration(String option, String text) {
        return positive(option, parseDuration(option, text));
    }

    private static Duration parseDuration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,12}")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (t.matches("\\d{1,12}ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.matches("(\\d{1,9}h)?(\\d{1,9}m)?(\\d{1,9}s)?") && !t.isEmpty()) {
            return Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(option + ": not a duration: " + text + " (e.g. 90s, 10m, 2h)");
    }

    private static Routing routing(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "simulator" -> Routing.SIMULATOR;
            case "chat-core", "chatcore" -> Routing.CHAT_CORE;
            default -> throw new IllegalArgumentException("--routing: simulator or chat-core, not " + v);
        };
    }

    private static List<String> queues(String v) {
        List<String> queues = Arrays.stream(v.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList();
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("--queues: name at least one queue");
        }
        return queues;
    }

    private static double positive(String option, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static Duration positive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static double between(String option, double value, double min, double max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
        }
        return value;
    }

    private Options with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        URI url;
        String apiKey;
        double ratePerMinute;
        Duration duration;
        List<String> queues;
        int agents;
        int agentCapacity;
        Routing routing;
        Duration shift;
        double pace;
        double wave;
        Duration wavePeriod;
        long seed;
        Duration progressEvery;
        boolean help;
        Path acknowledged;
        Duration surgeAt;
        double surgeRatePerMinute;
        Duration agentsLeaveAt;
        int agentsLeaving;

        Builder(Options o) {
            url = o.url;
            apiKey = o.apiKey;
            ratePerMinute = o.ratePerMinute;
            duration = o.duration;
            queues = o.queues;
            agents = o.agents;
            agentCapacity = o.agentCapacity;
            routing = o.routing;
            shift = o.shift;
            pace = o.pace;
            wave = o.wave;
            wavePeriod = o.wavePeriod;
            seed = o.seed;
            progressEvery = o.progressEvery;
            help = o.help;
            acknowledged = o.acknowledged;
            surgeAt = o.surgeAt;
            surgeRatePerMinute = o.surgeRatePerMinute;
            agentsLeaveAt = o.agentsLeaveAt;
            agentsLeaving = o.agentsLeaving;
        }

        Options build() {
            return new Options(url, apiKey, ratePerMinute, duration, queues, agents, agentCapacity, routing, shift,
                    pace, wave, wavePeriod, seed, progressEvery, help, acknowledged, surgeAt, surgeRatePerMinute,
                    agentsLeaveAt, agentsLeaving);
        }
    }
}
