package io.chatpulse.streamjobs.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches {@code conversation_activity} (or {@code message_topics}) for sampled message events of one tenant: every poll period
 * it asks ClickHouse for the message rows from the oldest event time still awaited on, and a sample
 * counts as visible at the moment that query was sent (the row may have been there up to one period
 * earlier, so latencies are at most one period too high).
 */
final class ActivityVisibility implements AutoCloseable {

    private final Connection clickHouse;
    private final String tenant;
    private final boolean topics;
    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private volatile SQLException lastFailure;

    /** @param topics watch {@code message_topics} (tagged customer messages) instead */
    ActivityVisibility(Connection clickHouse, String tenant, long pollEveryMs, boolean topics) {
        this.clickHouse = clickHouse;
        this.tenant = tenant;
        this.topics = topics;
        poller.scheduleWithFixedDelay(this::poll, pollEveryMs, pollEveryMs, TimeUnit.MILLISECONDS);
    }

    /** A message event whose row is to be timed, from its event time. */
    void await(String eventId, long eventTime) {
        awaited.put(eventId, eventTime);
    }

    int stillAwaited() {
        return awaited.size();
    }

    /** Event time to visibility of every sample seen so far, in milliseconds. */
    synchronized List<Long> latencies() {
        return List.copyOf(latencies);
    }

    SQLException lastFailure() {
        return lastFailure;
    }

    private void poll() {
        long oldest = awaited.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        if (oldest == Long.MAX_VALUE) {
            return;
        }
        long queriedAt = System.currentTimeMillis();
        try (Statement statement = clickHouse.createStatement();
             ResultSet rows = statement.executeQuery((topics
                     ? "SELECT event_id FROM message_topics WHERE tenant_id = '" + tenant + "'"
                     : "SELECT event_id FROM conversation_activity WHERE tenant_id = '" + tenant + "'"
                             + " AND kind IN ('customer_message', 'agent_message')")
                     + " AND at >= fromUnixTimestamp64Milli(toInt64(" + oldest + "))")) {
            while (rows.next()) {
                Long eventTime = awaited.remove(rows.getString(1));
                if (eventTime != null) {
                    record(queriedAt - eventTime);
                }
            }
        } catch (SQLException e) {
            lastFailure = e;
        }
    }

    private synchronized void record(long latency) {
        latencies.add(latency);
    }

    @Override
    public void close() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(5, TimeUnit.SECONDS);
    }
}
