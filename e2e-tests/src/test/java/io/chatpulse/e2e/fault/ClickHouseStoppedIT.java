package io.chatpulse.e2e.fault;

import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, ClickHouse outage: customers keep writing while the ClickHouse engine is stopped for
 * 30 s and started again on the same folder and port. The KPI job's sink retries (1 s doubling,
 * 5 times) or, past that, the job restarts from its checkpoint: either way every acknowledged
 * message is counted exactly once in the end, and a message posted after the restart is
 * queryable within a minute (freshness comes back by itself).
 */
class ClickHouseStoppedIT {

    private static final int CUSTOMERS = 3;
    private static final Duration LOAD_BEFORE_OUTAGE = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration FRESHNESS_DEADLINE = Duration.ofSeconds(60);
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("clickhouse-stopped");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void everyAcknowledgedMessageIsCountedOnceAndFreshnessRecoversAfterClickHouseComesBack() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        String queue = "fault-clickhouse-" + System.nanoTime();
        ChatLoad load = new ChatLoad(FaultStack.chatCore(stack), stack.settings().apiKey(), queue).start(CUSTOMERS);
        Poll.until("a first acknowledged message", Duration.ofSeconds(30), () -> load.acknowledgedSince(0) ? true : null);
        Poll.pause(LOAD_BEFORE_OUTAGE.toMillis());
        stack.stopClickHouse();
        Poll.pause(OUTAGE.toMillis());
        stack.startClickHouse();
        long freshnessMillis = timeUntilAFreshMessageIsQueryable();
        load.close();
        System.out.printf("ClickHouse down %d s; a message posted after its restart queryable in %d ms;"
                        + " %d messages acknowledged; jobs after: %s%n", OUTAGE.toSeconds(), freshnessMillis,
                load.acknowledgedMessages().size(), new FlinkJobs(stack.jobRestPorts()).states());

        new Figures(stack).assertMessagesInCatchUp(queue, from, load.acknowledgedMessages().size());
    }

    /** A new customer's message, posted once ClickHouse is back, until the figures count it. */
    private static long timeUntilAFreshMessageIsQueryable() {
        ChatCoreScript script = new ChatCoreScript(FaultStack.chatCore(stack), stack.settings().apiKey());
        String freshQueue = "fault-clickhouse-fresh-" + System.nanoTime();
        script.customerAsks(script.open(freshQueue));
        long postedAt = System.currentTimeMillis();
        Figures figures = new Figures(stack);
        Poll.until("the message posted after the restart in ClickHouse", FRESHNESS_DEADLINE,
                () -> figures.messagesInFromClickHouse(freshQueue) == 1 ? true : null);
        return System.currentTimeMillis() - postedAt;
    }
}
