package io.chatpulse.chatcore.tenant;

import io.chatpulse.chatcore.web.ProblemWriter;
import io.chatpulse.chatcore.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request of a tenant another instance owns is answered 421 Misdirected Request (RFC 9110
 * 15.5.20): the key is valid, the request may be fine, but this server cannot answer for that
 * tenant, and the client (or its proxy) should send it to the instance that can, named in
 * {@code servedAt} when configured. Not 404 (the conversation may well exist, elsewhere), not 403
 * (nothing is wrong with the caller's rights), not 503 (retrying here never helps), and no
 * redirect, which would replay POST bodies and API keys to wherever a header points.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
public class TenantOwnershipFilter extends OncePerRequestFilter {

    private final TenancyProperties tenancy;
    private final ProblemWriter problems;

    public TenantOwnershipFilter(TenancyProperties tenancy, ProblemWriter problems) {
        this.tenancy = tenancy;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Tenant tenant = Tenant.of(request);
        return tenant == null || tenancy.owns(tenant.id());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        problems.write(request, response, misdirected(Tenant.of(request).id()));
    }

    private ProblemDetail misdirected(String tenant) {
        String servedAt = tenancy.servedAt(tenant);
        ProblemDetail problem = Problems.of(HttpStatus.MISDIRECTED_REQUEST, "misdirected-request", "X-Api-Key",
                "tenant " + tenant + " is not served by this chat-core instance"
                        + (servedAt == null ? "" : "; it is served at " + servedAt));
        problem.setProperty("tenant", tenant);
        if (servedAt != null) {
            problem.setProperty("servedAt", servedAt);
        }
        return problem;
    }
}
