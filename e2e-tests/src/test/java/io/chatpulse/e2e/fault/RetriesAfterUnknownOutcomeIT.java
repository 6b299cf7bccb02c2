package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #19: a retry after an unknown outcome never writes a message twice. Customers post, each
 * post under its own Idempotency-Key, and send every post that got no 2xx again with its key until
 * it does, while three faults come one after the other:
 * <ol>
 *   <li>the broker hangs (SIGSTOP) longer than chat-core waits for it, then goes on (SIGCONT): chat-core
 *       answered 503, yet the broker writes the posts it had taken in before it hung, and the
 *       retries write them again, with the same event ids;</li>
 *   <li>the broker is killed with SIGKILL and started again;</li>
 *   <li>chat-core is killed with SIGKILL mid-request and started again: posts Kafka holds lost their
 *       answer, and the restarted chat-core must know their keys from the log.</li>
 * </ol>
 * Then every message is counted exactly once: by distinct event id in Kafka, in chat-core's
 * message counts, in ClickHouse's KPI table and in metrics-api.
 */
class RetriesAfterUnknownOutcomeIT {

    private static final String CHAT_CORE = "chat-core";
    private static final int CUSTOMERS = 8;
    private static final Duration LOAD_BETWEEN_FAULTS = Duration.ofSeconds(2);
    /** Longer than chat-core waits for an acknowledgement (delivery timeout 4 s): every post in flight is a 503. */
    private static final Duration BROKER_HUNG = Duration.ofSeconds(6);
    private static final Duration BROKER_DEAD = Duration.ofSeconds(2);
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("retries");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void everyMessageRetriedUnderItsKeyIsCountedOnceEverywhere() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        String queue = "fault-retries-" + System.nanoTime();
        KeyedCustomers customers = new KeyedCustomers(FaultStack.chatCore(stack), stack.settings().apiKey(), queue)
                .start(CUSTOMERS);
        List<Fault> faults = List.of(hangTheBroker(customers), killTheBroker(customers), killChatCore(customers));
        customers.close();
        Map<String, Set<String>> acknowledged = customers.acknowledged();
        assertThat(customers.unexpectedAnswers()).as("answers other than 2xx, 503 or none").isEmpty();
        assertThat(customers.retried()).as("posts sent again after an unknown outcome").isPositive();

        List<ConversationEvent> messages = TopicRecords.conversationEvents(stack.settings().kafkaBootstrap(),
                acknowledged.keySet()).stream().filter(e -> e.getPayload() instanceof MessagePosted).toList();
        long distinct = messages.stream().map(ConversationEvent::getEventId).distinct().count();
        System.out.printf("%d messages acknowledged after %d retries (%d answers replayed); Kafka holds %d"
                        + " message records, %d distinct event ids; second copies by fault: %s%n",
                customers.acknowledgedCount(), customers.retried(), customers.replayed(), messages.size(), distinct,
                copiesByFault(messages, faults));
        assertEachMessageInKafkaUnderOneEventId(acknowledged, messages);
        assertMessageCountsInChatCore(acknowledged);
        long checkedAt = System.currentTimeMillis();
        new Figures(stack).assertMessagesInCatchUp(queue, from, customers.acknowledgedCount());
        System.out.printf("figures caught up in %d ms of polling%n", System.currentTimeMillis() - checkedAt);
    }

    /** From the fault's start until chat-core acknowledged again. */
    private record Fault(String name, long startedAt, long endedAt) {
    }

    private static Fault hangTheBroker(KeyedCustomers customers) throws Exception {
        Poll.pause(LOAD_BETWEEN_FAULTS.toMillis());
        long startedAt = System.currentTimeMillis();
        signal("STOP", stack.kafka().pid());
        Poll.pause(BROKER_HUNG.toMillis());
        signal("CONT", stack.kafka().pid());
        return new Fault("broker hung", startedAt, awaitAcknowledgedSince(customers, startedAt, "the broker hung"));
    }

    private static Fault killTheBroker(KeyedCustomers customers) throws Exception {
        Poll.pause(LOAD_BETWEEN_FAULTS.toMillis());
        long startedAt = System.currentTimeMillis();
        ProcessHandle broker = ProcessHandle.of(stack.kafka().pid()).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
        Poll.pause(BROKER_DEAD.toMillis());
        stack.restartKafka();
        return new Fault("broker killed", startedAt, awaitAcknowledgedSince(customers, startedAt, "the broker was killed"));
    }

    private static Fault killChatCore(KeyedCustomers customers) {
        Poll.pause(LOAD_BETWEEN_FAULTS.toMillis());
        long startedAt = System.currentTimeMillis();
        stack.killApplication(CHAT_CORE);
        stack.restartApplication(CHAT_CORE);
        Fault fault = new Fault("chat-core killed", startedAt,
                awaitAcknowledgedSince(customers, startedAt, "chat-core was killed"));
        Poll.pause(LOAD_BETWEEN_FAULTS.toMillis());
        return fault;
    }

    /** Returns when a post was acknowledged again. */
    private static long awaitAcknowledgedSince(KeyedCustomers customers, long since, String what) {
        Poll.until("a post acknowledged after " + what, Duration.ofSeconds(90),
                () -> customers.acknowledgedSince(since) ? true : null);
        long now = System.currentTimeMillis();
        System.out.printf("acknowledging again %d ms after %s%n", now - since, what);
        return now;
    }

    /** Event ids Kafka holds more than once, by the fault during which their first copy was written. */
    private static Map<String, Long> copiesByFault(List<ConversationEvent> messages, List<Fault> faults) {
        Map<String, List<ConversationEvent>> copies = messages.stream()
                .collect(Collectors.groupingBy(ConversationEvent::getEventId));
        return copies.values().stream().filter(c -> c.size() > 1).collect(Collectors.groupingBy(
                c -> faults.stream().filter(f -> c.get(0).getEventTime() >= f.startedAt() - 1000
                        && c.get(0).getEventTime() <= f.endedAt()).map(Fault::name).findFirst().orElse("no fault"),
                TreeMap::new, Collectors.counting()));
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    /** Copies of an event are allowed (a retry wrote it again); a second event id for one post is not. */
    private static void assertEachMessageInKafkaUnderOneEventId(Map<String, Set<String>> acknowledged,
            List<ConversationEvent> messages) {
        Map<String, Set<String>> messageIdsByEventId = messages.stream().collect(Collectors.groupingBy(
                ConversationEvent::getEventId, Collectors.mapping(e -> ((MessagePosted) e.getPayload()).getMessageId(),
                        Collectors.toSet())));
        assertThat(messageIdsByEventId).as("message ids of each event id in Kafka")
                .allSatisfy((eventId, messageIds) -> assertThat(messageIds).hasSize(1));
        Map<String, Set<String>> inKafka = messages.stream().collect(Collectors.groupingBy(
                ConversationEvent::getConversationId, TreeMap::new,
                Collectors.mapping(e -> ((MessagePosted) e.getPayload()).getMessageId(), Collectors.toSet())));
        assertThat(inKafka).as("message ids in Kafka per conversation: those acknowledged, nothing more")
                .isEqualTo(new TreeMap<>(acknowledged));
    }

    private static void assertMessageCountsInChatCore(Map<String, Set<String>> acknowledged) {
        Http http = new Http();
        Map<String, Integer> counted = new TreeMap<>();
        Map<String, Integer> expected = new TreeMap<>();
        acknowledged.forEach((id, messageIds) -> {
            JsonNode json = http.get(FaultStack.chatCore(stack) + "/api/v1/conversations/" + id,
                    stack.settings().apiKey()).json();
            counted.put(id, json.path("messageCount").asInt(-1));
            expected.put(id, messageIds.size());
        });
        assertThat(counted).as("message count per conversation in chat-core").isEqualTo(expected);
    }
}
