package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, broker crash: customers keep writing while the Kafka broker is killed with SIGKILL and
 * started again on the same folder and port. chat-core must say 503 (with Retry-After) and nothing
 * worse while Kafka is gone, come back by itself, and every message it acknowledged must be in
 * Kafka exactly once and counted exactly once by the figures. A post in flight at the instant of
 * the kill has an outcome no client can know: the broker may have appended it and died before
 * answering. So Kafka may hold at most one message a customer that was not acknowledged, and the
 * figures must count exactly what Kafka holds.
 */
class KafkaBrokerKilledIT {

    private static final int CUSTOMERS = 3;
    private static final Duration LOAD_BEFORE_CRASH = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration LOAD_AFTER_RECOVERY = Duration.ofSeconds(2);
    /** A request acknowledged just before the kill may still be on its way back to the client. */
    private static final long IN_FLIGHT_MILLIS = 2_000;
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("kafka-killed");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    /** When the broker died, when it was started again, and when chat-core acknowledged again. */
    private record Outage(long killedAt, long restartedAt, long recoveredAt) {
    }

    @Test
    void acknowledgedMessagesSurviveABrokerCrashExactlyOnceAndTheFiguresCatchUp() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        String queue = "fault-kafka-" + System.nanoTime();
        ChatLoad load = new ChatLoad(FaultStack.chatCore(stack), stack.settings().apiKey(), queue).start(CUSTOMERS);
        Outage outage = crashAndRestartTheBrokerUnder(load);
        load.close();
        System.out.printf("broker dead %d ms, chat-core acknowledging again %d ms after the restart began;"
                        + " %d messages acknowledged, %d answers%n", outage.restartedAt() - outage.killedAt(),
                outage.recoveredAt() - outage.restartedAt(), load.acknowledgedMessages().size(), load.answers().size());

        assertOnly503WithRetryAfterWhileKafkaIsDown(load.answers(), outage);
        long inKafka = assertEveryAcknowledgedMessageInKafkaExactlyOnce(load);
        long checkedAt = System.currentTimeMillis();
        assertFiguresCatchUp(queue, from, inKafka);
        System.out.printf("figures caught up in %d ms of polling%n", System.currentTimeMillis() - checkedAt);
    }

    private static Outage crashAndRestartTheBrokerUnder(ChatLoad load) throws Exception {
        Poll.until("a first acknowledged message", Duration.ofSeconds(30), () -> load.acknowledgedSince(0) ? true : null);
        Poll.pause(LOAD_BEFORE_CRASH.toMillis());
        long killedAt = killBroker();
        Poll.pause(OUTAGE.toMillis());
        long restartedAt = System.currentTimeMillis();
        stack.restartKafka();
        Poll.until("chat-core acknowledging again after the restart", Duration.ofSeconds(90),
                () -> load.acknowledgedSince(restartedAt) ? true : null);
        long recoveredAt = System.currentTimeMillis();
        Poll.pause(LOAD_AFTER_RECOVERY.toMillis());
        return new Outage(killedAt, restartedAt, recoveredAt);
    }

    /** SIGKILL of the broker's JVM, as a crash: no shutdown hook, no clean log close. */
    private static long killBroker() throws Exception {
        ProcessHandle broker = ProcessHandle.of(stack.kafka().pid()).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
        return System.currentTimeMillis();
    }

    private static void assertOnly503WithRetryAfterWhileKafkaIsDown(List<ChatLoad.Answer> answers, Outage outage) {
        assertThat(answers).as("every answer is 2xx or 503 with Retry-After, never another 5xx or no answer")
                .allMatch(a -> a.status() / 100 == 2 || (a.status() == 503 && a.retryAfter() != null));
        List<ChatLoad.Answer> whileDown = answers.stream()
                .filter(a -> a.atMillis() > outage.killedAt() + IN_FLIGHT_MILLIS && a.atMillis() < outage.restartedAt())
                .toList();
        assertThat(whileDown).as("answers while the broker was dead").isNotEmpty()
                .allMatch(a -> a.status() == 503, "503: nothing can be acknowledged without a broker");
    }

    /** Returns how many of the load's messages Kafka holds. */
    private static long assertEveryAcknowledgedMessageInKafkaExactlyOnce(ChatLoad load) {
        Set<String> conversations = load.conversations();
        List<ConversationEvent> ours = TopicRecords.conversationEvents(stack.settings().kafkaBootstrap(), conversations);
        Map<String, Long> copiesByEventId = ours.stream()
                .collect(Collectors.groupingBy(ConversationEvent::getEventId, Collectors.counting()));
        assertThat(copiesByEventId).as("copies of each event id").allSatisfy((id, copies) -> assertThat(copies).isOne());
        Map<String, String> conversationByMessage = ours.stream().filter(e -> e.getPayload() instanceof MessagePosted)
                .collect(Collectors.toMap(e -> ((MessagePosted) e.getPayload()).getMessageId(),
                        ConversationEvent::getConversationId));
        assertThat(conversationByMessage.keySet()).as("message ids in Kafka: nothing acknowledged is lost")
                .containsAll(load.acknowledgedMessages());
        List<String> inFlightAtTheKill = conversationByMessage.entrySet().stream()
                .filter(m -> !load.acknowledgedMessages().contains(m.getKey())).map(Map.Entry::getValue).toList();
        assertThat(inFlightAtTheKill).as("conversations of messages in Kafka never acknowledged: one post a"
                + " customer can be in flight when the broker dies").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(CUSTOMERS);
        return conversationByMessage.size();
    }

    private static void assertFiguresCatchUp(String queue, Instant from, long inKafka) {
        new Figures(stack).assertMessagesInCatchUp(queue, from, inKafka);
    }
}
