package io.chatpulse.simulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** java -jar simulator.jar --help */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Stats stats = new Stats();
        AcknowledgedCalls acknowledged = options.acknowledged() == null ? AcknowledgedCalls.none()
                : AcknowledgedCalls.appendingTo(options.acknowledged());
        ChatCoreClient client = new ChatCoreClient(options.url(), options.apiKey(), stats, acknowledged);
        String problem = checkReachable(client, options);
        if (problem != null) {
            System.err.println("simulator: " + problem);
            System.exit(1);
        }
        Simulation simulation = new Simulation(options, client, stats, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulation.stop();
            stopped.countDown();
        }, "simulator-stop"));
        System.out.printf("simulating %.0f conversations/min in %s with %d agents (capacity %d, routing %s%s, seed %d)"
                        + " against %s for %s; Ctrl-C stops%n", options.ratePerMinute(), options.queues(),
                options.agents(), options.agentCapacity(), options.routing().name().toLowerCase().replace('_', '-'),
                options.routing() == Options.Routing.CHAT_CORE ? ", shifts of " + Stats.clock(options.shift()) : "",
                options.seed(),
                options.url(), options.duration() == null ? "ever" : Stats.clock(options.duration()));
        simulation.start();
        if (options.duration() == null) {
            stopped.await();
        } else if (!stopped.await(options.duration().toMillis(), TimeUnit.MILLISECONDS)) {
            simulation.stop();
            System.exit(0);
        }
    }

    /** A clear message instead of a stream of failed requests when chat-core is not there. */
    private static String checkReachable(ChatCoreClient client, Options options) {
        ChatCoreClient.Reply reply = client.probe("/api/v1/conversations/simulator-connection-check");
        if (reply.status() < 0) {
            return "cannot reach chat-core at " + options.url() + " (" + reply.body() + ")";
        }
        if (reply.status() == 401) {
            return "chat-core refused the API key " + options.apiKey();
        }
        return null;
    }
}
