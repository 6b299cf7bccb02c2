package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.ParentWatchdog;
import java.time.Duration;

/** Child-JVM entry point: the broker's own {@code kafka.Kafka} main, ended with its parent. */
public final class KafkaBrokerMain {

    /** A clean stop takes seconds; a node left without a controller quorum would wait minutes. */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatchdog.exitWhenParentDies(STOP_LIMIT);
        kafka.Kafka.main(args);
    }
}
