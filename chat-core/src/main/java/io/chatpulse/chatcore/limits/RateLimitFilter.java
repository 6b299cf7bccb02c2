package io.chatpulse.chatcore.limits;

import io.chatpulse.chatcore.tenant.Tenant;
import io.chatpulse.chatcore.web.ProblemWriter;
import io.chatpulse.chatcore.web.Problems;
import io.chatpulse.limits.RequestRate;
import io.chatpulse.limits.TenantRateLimiter.Admission;
import io.chatpulse.limits.TenantRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A tenant over its request rate gets 429 with Retry-After, before the request costs anything
 * more: no body read, no Kafka write. It runs after the API key check (api-security; the tenant is known) and
 * before idempotency, so a refused request is not remembered and its retry really runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 14)
public class RateLimitFilter extends OncePerRequestFilter {

    private final TenantRateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitFilter(TenantRateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Tenant.of(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tenant tenant = Tenant.of(request);
        Admission admission = limiter.admit(tenant.id());
        if (admission.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, tooManyRequests(tenant, admission.rate(), seconds));
    }

    private static ProblemDetail tooManyRequests(Tenant tenant, RequestRate rate, long seconds) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "requests-per-second",
                "tenant " + tenant.id() + " may make " + rate.requestsPerSecond() + " requests a second (bursts of "
                        + rate.burst() + "); retry after " + seconds + " s");
        problem.setProperty("limit", "requests-per-second");
        problem.setProperty("tenant", tenant.id());
        problem.setProperty("requestsPerSecond", rate.requestsPerSecond());
        problem.setProperty("burst", rate.burst());
        return problem;
    }
}
