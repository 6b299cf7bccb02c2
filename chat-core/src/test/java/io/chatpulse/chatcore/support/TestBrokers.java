package io.chatpulse.chatcore.support;

import io.chatpulse.localstack.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.UUID;

/** A fresh broker per test class, with the contract topics, its data under target/. */
public final class TestBrokers {

    private TestBrokers() {
    }

    public static KafkaBroker start(String name) {
        KafkaBroker broker = KafkaBroker.start(
                Path.of("target", "kafka", name + "-" + UUID.randomUUID().toString().substring(0, 8)));
        broker.createContractTopics();
        return broker;
    }
}
