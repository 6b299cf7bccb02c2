package io.chatpulse.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
    /** chat-core routes: the agents at their desks, and the customers by conversation id. */
    private final Map<String, SimulatedAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, Journey> journeys = new ConcurrentHashMap<>();
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
        this.arrivals = new ArrivalCurve(options.ratePerMinute(), options.wave(), options.wavePeriod(), options.surgeAt(),
                options.surgeAt() == null ? options.ratePerMinute() : options.surgeRatePerMinute());
        this.random = new Random(options.seed());
        // Agents chat-core routes to have ids of their own: one who reported OFFLINE in an earlier
        // run could not be assigned by hand in a run where the simulator routes.
        String prefix = routesItself() ? "sim-agent-" : "sim-routed-agent-";
        this.agentIds = IntStream.rangeClosed(1, options.agents()).mapToObj(i -> prefix + i).toList();
        this.pool = new AgentPool<>(agentIds, options.agentCapacity());
        ShiftPattern shifts = new ShiftPattern(options.agents(), options.shift(), options.agentsLeaveAt(),
                options.agentsLeaving());
        if (!routesItself()) {
            for (int i = 0; i < agentIds.size(); i++) {
                String id = agentIds.get(i);
                agents.put(id, new SimulatedAgent(id, i, this, shifts, options.agentCapacity(), options.queues()));
            }
        }
    }

    void start() {
        startedNanos = System.nanoTime();
        agents.values().forEach(SimulatedAgent::start);
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
        agents.values().forEach(SimulatedAgent::stop);
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

    /** The agent is done with the conversation (resolved, or it could not go on). */
    void release(String agentId, String conversationId) {
        if (routesItself()) {
            pool.release(agentId).forEach(m -> later(Duration.ZERO, () -> m.work().assignTo(m.agentId())));
        } else if (agents.containsKey(agentId)) {
            agents.get(agentId).released(conversationId);
        }
    }

    /** chat-core routes: the customer's conversation is open under this id. */
    void register(String conversationId, Journey journey) {
        journeys.put(conversationId, journey);
    }

    void unregister(String conversationId) {
        if (conversationId != null) {
            journeys.remove(conversationId);
        }
    }

    /**
     * chat-core assigned a conversation to one of the agents. The event can overtake the answer to
     * the customer's open; one still unknown a moment later is work left from an earlier run (or a
     * customer who gave up on an error), and the agent closes it.
     */
    void assigned(SimulatedAgent agent, String conversationId) {
        agent.took(conversationId);
        Journey journey = journeys.get(conversationId);
        if (journey != null) {
            deliver(agent, conversationId, journey);
            return;
        }
        later(Duration.ofSeconds(2), () -> {
            Journey known = journeys.get(conversationId);
            if (known != null) {
                deliver(agent, conversationId, known);
            } else {
                closeLeftover(agent, conversationId);
            }
        });
    }

    /**
     * chat-core took the conversation from the agent: back to its queue, or to another agent. This
     * and {@link #assigned} run on the agent's stream thread: they only schedule steps.
     */
    void takenBack(SimulatedAgent agent, String conversationId, boolean queued) {
        agent.released(conversationId);
        Journey journey = journeys.get(conversationId);
        if (journey != null && queued) {
            journey.handedBack(agent.id());
        }
    }

    private void deliver(SimulatedAgent agent, String conversationId, Journey journey) {
        if (!journey.assigned(agent.id())) {
            closeLeftover(agent, conversationId);
        }
    }

    private void closeLeftover(SimulatedAgent agent, String conversationId) {
        stats.leftovers.incrementAndGet();
        later(Duration.ofSeconds(1), () -> {
            client.message(conversationId, "AGENT", agent.id(), "Sorry for the wait, this is now closed.");
            client.resolve(conversationId);
            agent.released(conversationId);
        });
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
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
