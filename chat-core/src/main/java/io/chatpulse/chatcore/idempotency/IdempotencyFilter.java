package io.chatpulse.chatcore.idempotency;

import io.chatpulse.chatcore.tenant.Tenant;
import io.chatpulse.chatcore.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A changing request retried with the same Idempotency-Key gets the first answer again and
 * changes (and emits) nothing. Answers of 5xx are not kept: after a 503 the retry runs for real,
 * and since the call's ids are derived from its key ({@link IdempotentCall}) a copy it writes of
 * events Kafka had taken after all is one the readers drop. A key whose events were read back from
 * the log at start-up is answered by running the call in "already done" mode. Runs after the API
 * key filter: keys are per tenant.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 200;
    private static final long IN_FLIGHT_WAIT_SECONDS = 20;

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, Clock clock) {
        this.store = store;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !CHANGING.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/") || Tenant.of(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = request.getMethod() + ' ' + request.getRequestURI() + ' ' + sha256(body);
        String tenantId = Tenant.of(request).id();
        String storeKey = IdempotencyStore.keyOf(tenantId, key);
        ReentrantLock lock = store.lockFor(storeKey);
        if (!tryLock(lock)) {
            problems.write(request, response, HttpStatus.CONFLICT, HEADER,
                    "a request with this key is still being processed; retry later");
            return;
        }
        try {
            IdempotencyStore.Answer first = store.find(storeKey);
            if (first != null && !first.requestFingerprint().equals(fingerprint)) {
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, HEADER,
                        "was already used for a different request");
            } else if (first != null && !first.isInEventLogOnly()) {
                replay(response, first);
            } else {
                run(new IdempotentCall(tenantId, key, fingerprint, first != null), request, body, response, chain);
            }
        } finally {
            store.release(storeKey, lock);
        }
    }

    /**
     * Runs the call and keeps its answer. A call whose events the log holds already (its key was
     * read back at start-up) runs only to answer with what it made.
     */
    private void run(IdempotentCall call, HttpServletRequest request, byte[] body, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        if (call.inEventLog()) {
            response.setHeader(REPLAYED_HEADER, "true");
        }
        request.setAttribute(IdempotentCall.ATTRIBUTE, call);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new CachedBodyRequest(request, body), captured);
        if (captured.getStatus() < 500) {
            store.remember(IdempotencyStore.keyOf(call.tenantId(), call.key()), new IdempotencyStore.Answer(
                    call.request(), captured.getStatus(), captured.getContentType(), captured.getContentAsByteArray(),
                    captured.getHeader(HttpHeaders.LOCATION), clock.instant()));
        }
        captured.copyBodyToResponse();
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Answer first) throws IOException {
        response.setStatus(first.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        response.getOutputStream().write(first.body());
    }

    /** A retry arriving while the first request still runs waits for its answer, within bounds. */
    private static boolean tryLock(ReentrantLock lock) {
        try {
            return lock.tryLock(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
