package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.ClusterStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, one broker of three killed under simulator load on the whole cluster shape of
 * {@code ./chatpulse up --cluster} (three Kafka nodes, both jobs at parallelism 2 on the Flink
 * session cluster, the services twice): the active controller, which also leads partitions, killed
 * with SIGKILL and later restarted. chat-core keeps acknowledging, both jobs keep running, and at
 * the end everything chat-core acknowledged is in Kafka once and ClickHouse's figures equal those
 * computed from the events.
 */
class BrokerKilledUnderLoadIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;
    private static final String QUEUE = "cluster-broker-kill";

    @Test
    void chatCoreAndTheJobsGoOnAndTheFiguresStayExact() throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(home.resolve("e2e-tests/target/broker-killed-" + System.nanoTime()))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        try (ClusterStack stack = ClusterStack.start(settings, Ports.free(), System.out);
             SimulatorLoad load = SimulatorLoad.start(home, settings.dataDir(), "http://127.0.0.1:" + stack.chatCorePort(0), QUEUE)) {
            load.awaitMore(CALLS, STEP);
            int victim = stack.kafka().activeController();
            stack.kafka().kill(victim);
            System.out.printf("Kafka node %d (active controller) killed%n", victim);
            load.awaitMore(CALLS, STEP);
            stack.kafka().restart(victim);
            stack.kafka().awaitFullyReplicated(STEP);
            load.awaitMore(CALLS, STEP);

            Map<String, String> jobs = stack.flink().rest().activeJobsByName();
            assertThat(jobs).as("jobs running after the broker's loss").hasSize(2);
            jobs.values().forEach(job -> Await.until("every subtask of job " + job + " running", STEP,
                    () -> stack.flink().rest().runningOn(job).orElse(null), running -> running != null));
            AcknowledgedAgainstKafkaAndClickHouse.check(load.stop(), stack.kafka().bootstrapServers(),
                    sql -> ClickHouseHttp.query(stack.clickHouse().httpUrl(), sql), SimulatorLoad.TENANT, QUEUE, CATCH_UP);
        }
    }
}
