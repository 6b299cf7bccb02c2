package io.chatpulse.streamjobs.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * One per-conversation figure of the reference, in the shape of a row of its table: the queue and agent
 * it is attributed to, the instants it runs from and to (the same instant for a rating or a step), its
 * value (milliseconds, or the rating) and the table's other columns.
 */
public record Figure(String conversationId, String queueId, String agentId, long startedAt, long endedAt,
                     long value, List<String> details) {

    static Figure stretch(String conversationId, String queueId, String agentId, long from, long to,
                          String... details) {
        return new Figure(conversationId, queueId, agentId, from, to, to - from, List.of(details));
    }

    /** The row as the test reads it from ClickHouse, without the conversation id. */
    public List<String> row() {
        List<String> row = new ArrayList<>(List.of(queueId, agentId, Long.toString(startedAt),
                Long.toString(endedAt), Long.toString(value)));
        row.addAll(details);
        return row;
    }
}
