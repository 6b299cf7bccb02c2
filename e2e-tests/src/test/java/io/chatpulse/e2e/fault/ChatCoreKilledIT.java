package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, chat-core crash: customers keep writing while chat-core is killed with SIGKILL and
 * started again. It rebuilds its conversations from Kafka, so the open ones resume as they were:
 * a customer waiting in the queue still waits, from the same instant and in the same queue; an
 * assigned conversation keeps its agent; each one's message count is what Kafka holds; and all of
 * them go on (new messages, the waiting ones taken over, the assigned one resolved). Every message
 * acknowledged before or after the crash is in Kafka once and the figures equal those of the events.
 */
class ChatCoreKilledIT {

    private static final String CHAT_CORE = "chat-core";
    private static final int WAITING_CUSTOMERS = 3;
    private static final Duration LOAD_BEFORE_CRASH = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER_RECOVERY = Duration.ofSeconds(2);
    /** What must survive the restart unchanged; the message count is checked against Kafka. */
    private static final List<String> RESUMED_FIELDS =
            List.of("state", "queueId", "assigneeId", "customerId", "channel", "openedAt", "waitingSince");
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("chat-core-killed");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void openConversationsResumeAfterACrashOfChatCoreAndNothingAcknowledgedIsLost() throws Exception {
        String queue = "fault-chat-core-" + System.nanoTime();
        ChatCoreScript script = new ChatCoreScript(FaultStack.chatCore(stack), stack.settings().apiKey());
        String assigned = script.open(queue);
        script.customerAsks(assigned);
        script.takeOver(assigned, "agent-before-crash");
        ChatLoad load = new ChatLoad(FaultStack.chatCore(stack), stack.settings().apiKey(), queue)
                .start(WAITING_CUSTOMERS);
        Set<String> conversations = new HashSet<>(load.conversations());
        conversations.add(assigned);

        Map<String, Map<String, String>> before = crashAndRestartChatCoreUnder(load, conversations);
        load.close();
        Map<String, Map<String, String>> after = resumedFields(conversations);

        assertThat(before.get(assigned)).as("the assigned conversation before the crash")
                .containsEntry("state", "ASSIGNED").containsEntry("assigneeId", "agent-before-crash");
        assertThat(load.conversations()).allSatisfy(id ->
                assertThat(before.get(id)).as("a waiting conversation before the crash").containsEntry("state", "QUEUED"));
        assertThat(after).as("the conversations as chat-core rebuilt them from Kafka").isEqualTo(before);
        assertOnlyAcknowledgedOrNoAnswerOr503(load.answers());
        List<ConversationEvent> events = TopicRecords.conversationEvents(stack.settings().kafkaBootstrap(), conversations);
        assertEveryAcknowledgedMessageInKafkaOnce(load, events);
        assertMessageCountsAsInKafka(conversations, events);

        resume(script, load.conversations(), assigned);
        assertFiguresEqualThoseOfTheEvents(queue, conversations);
    }

    /** Returns the conversations' resumed fields as they were just before the kill. */
    private static Map<String, Map<String, String>> crashAndRestartChatCoreUnder(ChatLoad load, Set<String> conversations) {
        Poll.until("a first acknowledged message", Duration.ofSeconds(30), () -> load.acknowledgedSince(0) ? true : null);
        Poll.pause(LOAD_BEFORE_CRASH.toMillis());
        Map<String, Map<String, String>> before = resumedFields(conversations);
        long killedAt = System.currentTimeMillis();
        stack.killApplication(CHAT_CORE);
        Poll.pause(OUTAGE.toMillis());
        long restartedAt = System.currentTimeMillis();
        stack.restartApplication(CHAT_CORE);
        Poll.until("chat-core acknowledging again after the restart", Duration.ofSeconds(60),
                () -> load.acknowledgedSince(restartedAt) ? true : null);
        System.out.printf("chat-core killed, restarted after %d ms, acknowledging again %d ms later%n",
                restartedAt - killedAt, System.currentTimeMillis() - restartedAt);
        Poll.pause(LOAD_AFTER_RECOVERY.toMillis());
        return before;
    }

    private static Map<String, Map<String, String>> resumedFields(Set<String> conversations) {
        Http http = new Http();
        Map<String, Map<String, String>> fields = new TreeMap<>();
        for (String id : conversations) {
            Http.Reply reply = http.get(FaultStack.chatCore(stack) + "/api/v1/conversations/" + id, stack.settings().apiKey());
            assertThat(reply.status()).as("GET conversation %s: %s", id, reply.body()).isEqualTo(200);
            JsonNode json = reply.json();
            fields.put(id, RESUMED_FIELDS.stream().collect(Collectors.toMap(f -> f, f -> json.path(f).asText(""),
                    (a, b) -> a, TreeMap::new)));
        }
        return fields;
    }

    /** A dead chat-core gives no answer at all (-1); one still rebuilding answers 503. */
    private static void assertOnlyAcknowledgedOrNoAnswerOr503(List<ChatLoad.Answer> answers) {
        assertThat(answers).as("every answer is 2xx, no answer while chat-core is dead, or 503 while it rebuilds")
                .allMatch(a -> a.status() / 100 == 2 || a.status() == -1 || (a.status() == 503 && a.retryAfter() != null));
        assertThat(answers).as("posts that found chat-core dead").anyMatch(a -> a.status() == -1);
    }

    private static void assertEveryAcknowledgedMessageInKafkaOnce(ChatLoad load, List<ConversationEvent> events) {
        List<String> messageIds = events.stream().filter(e -> e.getPayload() instanceof MessagePosted)
                .map(e -> ((MessagePosted) e.getPayload()).getMessageId()).toList();
        assertThat(messageIds).as("message ids in Kafka").doesNotHaveDuplicates()
                .containsAll(load.acknowledgedMessages());
    }

    private static void assertMessageCountsAsInKafka(Set<String> conversations, List<ConversationEvent> events) {
        Map<String, Long> inKafka = events.stream().filter(e -> e.getPayload() instanceof MessagePosted)
                .collect(Collectors.groupingBy(ConversationEvent::getConversationId, TreeMap::new, Collectors.counting()));
        Http http = new Http();
        Map<String, Long> inChatCore = new TreeMap<>();
        for (String id : conversations) {
            JsonNode json = http.get(FaultStack.chatCore(stack) + "/api/v1/conversations/" + id,
                    stack.settings().apiKey()).json();
            inChatCore.put(id, json.path("messageCount").asLong(-1));
        }
        assertThat(inChatCore).as("message count per conversation in chat-core after the restart").isEqualTo(inKafka);
    }

    /** The conversations go on where they were: the waiting customers are answered, the assigned one resolved. */
    private static void resume(ChatCoreScript script, Set<String> waiting, String assigned) {
        waiting.forEach(id -> {
            script.customerAsks(id);
            script.takeOver(id, "agent-after-crash");
        });
        script.resolve(assigned);
    }

    private static void assertFiguresEqualThoseOfTheEvents(String queue, Set<String> conversations) {
        ConversationFigures expected = ConversationFigures.fromEvents(
                TopicRecords.conversationEvents(stack.settings().kafkaBootstrap(), conversations));
        assertThat(expected.queueWaits()).as("every conversation waited once").hasSize(conversations.size());
        Figures figures = new Figures(stack);
        ConversationFigures stored = Poll.latest(Duration.ofMinutes(2),
                () -> ConversationFigures.fromClickHouse(figures, queue), expected::equals);
        assertThat(stored).as("figures in ClickHouse (FINAL)").isEqualTo(expected);
    }
}
