package io.chatpulse.alerting.support;

import io.chatpulse.localstack.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** What the integration tests share: the local-stack broker, waiting for an outcome, and the order of shutdown. */
public final class TestStack {

    public static final Duration DEADLINE = Duration.ofSeconds(90);

    private TestStack() {
    }

    /** A Kafka broker (KRaft) from local-stack under {@code work}, with the contract topics created. */
    public static KafkaBroker startBroker(Path work) {
        try {
            Files.createDirectories(work);
            KafkaBroker started = KafkaBroker.start(work.resolve("kafka"));
            started.createContractTopics();
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Kafka broker of local-stack", e);
        }
    }

    /** Polls {@code probe} until it has a value, at most {@link #DEADLINE}; an AssertionError naming {@code what} then. */
    public static <T> T awaitValue(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            Thread.sleep(100); // polling interval, bounded by the deadline above
        }
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
    }

    /**
     * Stops the streams app first, while the broker can still take its final commits, then runs {@code then}
     * (closing the broker) even when that failed. {@code streams} is null when the context failed to load.
     */
    public static void stopStreamsThen(StreamsBuilderFactoryBean streams, Runnable then) {
        try {
            if (streams != null) {
                streams.stop();
            }
        } finally {
            then.run();
        }
    }
}
