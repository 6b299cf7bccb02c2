package io.chatpulse.e2e.fault;

import io.chatpulse.localstack.LocalStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of one queue as the readers see them: metrics-api's KPI summary (volume) and the
 * ClickHouse table behind it, asked separately so a disagreement between them shows too.
 */
final class Figures {

    private final Http http = new Http();
    private final LocalStack stack;

    Figures(LocalStack stack) {
        this.stack = stack;
    }

    /** Customer messages of {@code queueId} since {@code from}, from metrics-api's summary; -1 if it fails. */
    long messagesInFromApi(String queueId, Instant from) {
        String url = FaultStack.metricsApi(stack) + "/api/v1/kpis/summary?queueId=" + queueId
                + "&from=" + from + "&to=" + Instant.now().plusSeconds(60);
        Http.Reply reply = http.get(url, stack.settings().apiKey());
        return reply.status() == 200 ? reply.json().path("kpis").path("volume").path("messagesIn").asLong(-1) : -1;
    }

    /** Customer messages of {@code queueId}, each event id once, straight from ClickHouse. */
    long messagesInFromClickHouse(String queueId) {
        return Long.parseLong(query("SELECT count() FROM conversation_activity FINAL WHERE tenant_id = 'demo'"
                + " AND kind = 'customer_message' AND queue_id = '" + queueId + "'").trim());
    }

    /**
     * Waits (3 minutes at most) until ClickHouse counts {@code expected} customer messages of the
     * queue, then asserts exactly that many there and in metrics-api: none lost, none counted twice.
     */
    void assertMessagesInCatchUp(String queueId, Instant from, long expected) {
        long stored = Poll.latest(Duration.ofMinutes(3), () -> messagesInFromClickHouse(queueId), n -> n >= expected);
        assertThat(stored).as("customer messages in ClickHouse").isEqualTo(expected);
        assertThat(messagesInFromApi(queueId, from)).as("messages in, from metrics-api").isEqualTo(expected);
    }

    /** Rows of the conversation's activity (any kind), straight from ClickHouse. */
    long activityOf(String conversationId) {
        return Long.parseLong(query("SELECT count() FROM conversation_activity FINAL WHERE tenant_id = 'demo'"
                + " AND conversation_id = '" + conversationId + "'").trim());
    }

    /** The answer of ClickHouse's HTTP interface to {@code sql}. */
    String query(String sql) {
        String url = stack.clickHouse().httpUrl() + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
        Http.Reply reply = http.send("GET", url, Map.of(), null);
        if (reply.status() != 200) {
            throw new IllegalStateException("ClickHouse answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }
}
