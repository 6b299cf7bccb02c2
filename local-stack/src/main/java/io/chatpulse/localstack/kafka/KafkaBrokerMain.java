package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.ParentWatchdog;

/** Child-JVM entry point: the broker's own {@code kafka.Kafka} main, ended with its parent. */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatchdog.exitWhenParentDies();
        kafka.Kafka.main(args);
    }
}
