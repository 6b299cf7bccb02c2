package io.chatpulse.chatcore.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A changing request that carries an Idempotency-Key. Whatever the call creates gets an id derived
 * from the tenant, the key, the request and the id's place in the call, so a retry after an unknown
 * outcome (a 503 although Kafka wrote the events, or no answer at all) writes the same ids again
 * and every reader of the log counts them once. Its events carry the key in record headers, so a
 * restarted chat-core learns from the log which keys were already carried out.
 *
 * @param request the method, path and body hash: a retry has the same, a key reused for another
 *     request does not (and gets 422 before it gets here)
 * @param inEventLog its events are in the log already (known from a replay of the log): the call
 *     changes nothing and only answers with what it made
 */
public record IdempotentCall(String tenantId, String key, String request, boolean inEventLog) {

    public static final String KEY_HEADER = "chatpulse.idempotency-key";
    public static final String REQUEST_HEADER = "chatpulse.idempotency-request";
    static final String ATTRIBUTE = IdempotentCall.class.getName();

    /** The call the current request thread serves, if it carries a key. */
    public static Optional<IdempotentCall> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return Optional.ofNullable(request == null ? null
                : (IdempotentCall) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The id of the call's event at {@code position} (0-based, in the order the call emits them). */
    public String eventId(int position) {
        return derive("event", Integer.toString(position));
    }

    /** The id of the conversation an open call creates. */
    public String conversationId() {
        return derive("conversation");
    }

    /** The id of the message a post creates. */
    public String messageId() {
        return derive("message");
    }

    /** The headers each of the call's records carries. */
    public List<Header> headers() {
        return List.of(new RecordHeader(KEY_HEADER, key.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(REQUEST_HEADER, request.getBytes(StandardCharsets.UTF_8)));
    }

    /** The call a record of the log was written by, if it carried a key. */
    public static Optional<IdempotentCall> of(Headers headers, String tenantId) {
        Header key = headers.lastHeader(KEY_HEADER);
        Header request = headers.lastHeader(REQUEST_HEADER);
        if (key == null || request == null) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentCall(tenantId, new String(key.value(), StandardCharsets.UTF_8),
                new String(request.value(), StandardCharsets.UTF_8), true));
    }

    private String derive(String... what) {
        String[] parts = new String[3 + what.length];
        parts[0] = tenantId;
        parts[1] = key;
        parts[2] = request;
        System.arraycopy(what, 0, parts, 3, what.length);
        return DerivedIds.uuid(parts);
    }
}
