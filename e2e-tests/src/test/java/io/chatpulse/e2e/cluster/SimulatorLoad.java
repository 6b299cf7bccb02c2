package io.chatpulse.e2e.cluster;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The project's simulator from its jar, customers and agents driving chat-core over HTTP in one queue
 * of the demo tenant, writing down every call chat-core acknowledged (--acknowledged). The file is
 * what the test checks Kafka and ClickHouse against: the simulator's own record, not chat-core's.
 */
final class SimulatorLoad implements AutoCloseable {

    static final String TENANT = "demo";
    private static final String API_KEY = "demo-key";

    private final ChildProcess simulator;
    private final Path acknowledged;
    private final String queue;

    private SimulatorLoad(ChildProcess simulator, Path acknowledged, String queue) {
        this.simulator = simulator;
        this.acknowledged = acknowledged;
        this.queue = queue;
    }

    /**
     * 120 conversations a minute at ten times human speed (pace 0.1): a conversation runs its whole
     * course (wait, messages, resolution, rating or abandon) in seconds, so every phase of a test sees
     * each step of a conversation, and a 2-core machine shared with other builds keeps up. The
     * simulator routes by itself ({@code --routing simulator}): shifts of agents logging in and out
     * would make the figures depend on timing the test does not control.
     */
    static SimulatorLoad start(Path home, Path dataDir, String chatCoreUrl, String queue) {
        Path file = dataDir.resolve("acknowledged-" + queue + ".tsv");
        ChildProcess simulator = Application.executableJar(home, "simulator", "256m", Map.of(), List.of(
                "--url", chatCoreUrl, "--api-key", API_KEY, "--queues", queue, "--rate", "120", "--pace", "0.1",
                "--agents", "6", "--routing", "simulator", "--seed", "18", "--progress", "10s", "--acknowledged", file.toString()))
                .renamed("simulator-" + queue).start(dataDir.resolve("logs"));
        return new SimulatorLoad(simulator, file, queue);
    }

    String queue() {
        return queue;
    }

    /** Calls acknowledged so far. */
    long acknowledged() {
        return lines().size();
    }

    /** Waits until chat-core has acknowledged {@code more} calls beyond those so far: the load goes on. */
    void awaitMore(int more, Duration timeout) {
        long before = acknowledged();
        if (!simulator.isAlive()) {
            throw new IllegalStateException("the simulator has ended:\n" + simulator.tail(20));
        }
        Await.until(more + " more acknowledged calls (after " + before + ")", timeout, this::acknowledged,
                n -> n >= before + more);
    }

    /** Stops the simulator (SIGTERM, its last calls answered or abandoned) and returns every call acknowledged. */
    List<Acknowledged> stop() {
        simulator.destroy(Duration.ofSeconds(30));
        return lines().stream().map(Acknowledged::parse).toList();
    }

    private List<String> lines() {
        try {
            return Files.exists(acknowledged) ? Files.readAllLines(acknowledged) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        simulator.destroy(Duration.ofSeconds(30));
    }

    /** One line of the simulator's --acknowledged file. */
    record Acknowledged(String kind, String subject, String idempotencyKey, int status) {

        static Acknowledged parse(String line) {
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new IllegalArgumentException("not a line of --acknowledged: " + line);
            }
            return new Acknowledged(fields[0], fields[1], fields[2], Integer.parseInt(fields[3]));
        }

        /** A change of a conversation, written to the conversation topic; agent-status goes to the agent topic. */
        boolean ofConversation() {
            return !kind.equals("agent-status");
        }
    }
}
