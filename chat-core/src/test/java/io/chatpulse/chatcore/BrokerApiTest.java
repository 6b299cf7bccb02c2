package io.chatpulse.chatcore;

import io.chatpulse.chatcore.support.EventLog;
import io.chatpulse.chatcore.support.TestBrokers;
import io.chatpulse.localstack.kafka.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A live API test against a real Kafka broker of its own: the broker and an {@link EventLog} on it,
 * started when the Spring context is built and stopped after the test class. A subclass names its
 * broker from its {@code @DynamicPropertySource} method with {@link #useBroker}.
 */
abstract class BrokerApiTest extends LiveApiTest {

    static KafkaBroker broker;
    static EventLog events;

    /**
     * Starts the broker the first time (called again for each @Nested class, which all share one
     * context and so one broker) and points chat-core at it.
     */
    static void useBroker(String name, DynamicPropertyRegistry registry) {
        if (broker == null) {
            broker = TestBrokers.start(name);
            events = new EventLog(broker.bootstrapServers());
        }
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    /** Cleared as well as closed: the next test class in this JVM starts a broker of its own. */
    @AfterAll
    static void stopBroker() {
        if (events != null) {
            events.close();
            events = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
