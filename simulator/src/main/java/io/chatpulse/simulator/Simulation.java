package io.chatpulse.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/** Runs the arrivals, the journeys and the progress line on one scheduler until stopped. */
final class Simulation {

    private static final String[] CHANNELS = {"WEB", "WEB", "WEB", "APP", "APP", "SOCIAL", "API"};

    private final Options options;
    private final ChatCoreClient client;
    private final Stats stats;
    private final PrintStream out;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ArrivalCurve arrivals;
    private final Random random;
    private final List<String> agentIds;
    private final AgentPool<Journey> pool;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private long startedNanos;
    private double lastArrival;
    private long customers;

    Simulation(Options options, ChatCoreClient client, Stats stats, PrintStream out) {
        this.options = options;
        this.client = client;
        this.stats = stats;
        this.out = out;
        // HTTP calls block their thread for a few milliseconds (seconds while chat-core retries).
        this.scheduler = new ScheduledThreadPoolExecutor(16, r -> {
            Thread t = new Thread(r, "simulator");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        // On stop, steps not yet due are dropped; steps running finish their request.
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.arrivals = new ArrivalCurve(options.ratePerMinute(), options.wave(), options.wavePeriod());
        this.random = new Random(options.seed());
        // Agents chat-core routes to have ids of their own: one who reported OFFLINE in an earlier
        // run could not be assigned by hand in a run where the simulator routes.
        String prefix = routesItself() ? "sim-agent-" : "sim-routed-agent-";
        this.agentIds = IntStream.rangeClosed(1, options.agents()).mapToObj(i -> prefix + i).toList();
        this.pool = new AgentPool<>(agentIds, options.agentCapacity());
    }

    void start() {
        startedNanos = System.nanoTime();
        if (!routesItself()) {
            agentIds.forEach(id -> client.agentStatus(id, "ONLINE", options.agentCapacity(), options.queues()));
        }
        scheduleNextArrival();
        long every = options.progressEvery().toMillis();
        scheduler.scheduleAtFixedRate(() -> out.println(progressLine()), every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops arrivals and every pending step; conversations under way stay as they are in chat-core. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!routesItself()) {
            agentIds.forEach(id -> client.agentStatus(id, "OFFLINE", options.agentCapacity(), options.queues()));
        }
        out.println(stats.summary(Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    String progressLine() {
        return stats.progressLine(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private void scheduleNextArrival() {
        lastArrival = arrivals.nextArrival(lastArrival, random);
        long dueNanos = startedNanos + (long) (lastArrival * 1e9);
        schedule(Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())), () -> {
            newCustomer().start();
            scheduleNextArrival();
        });
    }

    private Journey newCustomer() {
        customers++;
        String queue = options.queues().get(random.nextInt(options.queues().size()));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        HumanBehaviour human = new HumanBehaviour(new Random(random.nextLong()), options.pace());
        return new Journey(this, human, queue, "sim-customer-" + customers, channel);
    }

    void later(Duration delay, Runnable step) {
        schedule(delay, step);
    }

    private void schedule(Duration delay, Runnable step) {
        if (stopped.get()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    out.println("simulator step failed: " + e);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    boolean routesItself() {
        return options.routing() == Options.Routing.SIMULATOR;
    }

    void offer(Journey journey) {
        pool.offer(journey).forEach(m -> later(Duration.ZERO, () -> m.work().assignTo(m.agentId())));
    }

    void release(String agentId) {
        if (routesItself()) {
            pool.release(agentId).forEach(m -> later(Duration.ZERO, () -> m.work().assignTo(m.agentId())));
        }
    }

    void withdraw(Journey journey) {
        pool.withdraw(journey);
    }

    ChatCoreClient client() {
        return client;
    }

    Stats stats() {
        return stats;
    }
}
