package io.chatpulse.chatcore.recovery;

import io.chatpulse.chatcore.events.EventsProperties;
import io.chatpulse.chatcore.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** While the state is being rebuilt, every API call is 503 with Retry-After: nothing is read or changed. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ReadinessFilter extends OncePerRequestFilter {

    private final Readiness readiness;
    private final ProblemWriter problems;
    private final EventsProperties events;

    public ReadinessFilter(Readiness readiness, ProblemWriter problems, EventsProperties events) {
        this.readiness = readiness;
        this.problems = problems;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return readiness.isReady() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, events.retryAfter().toSeconds())));
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "recovery",
                "chat-core is rebuilding its state from the event log; retry later");
    }
}
