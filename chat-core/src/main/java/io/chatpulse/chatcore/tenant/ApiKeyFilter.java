package io.chatpulse.chatcore.tenant;

import io.chatpulse.chatcore.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API call names its tenant through the X-Api-Key header; anything else is turned away. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";
    static final String TENANT_ATTRIBUTE = Tenant.class.getName();

    private final SecurityProperties properties;
    private final ProblemWriter problems;

    public ApiKeyFilter(SecurityProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String tenant = properties.tenantOf(key);
        if (tenant == null) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, HEADER,
                    key == null ? "the X-Api-Key header is missing" : "the API key is not known");
            return;
        }
        request.setAttribute(TENANT_ATTRIBUTE, new Tenant(tenant));
        chain.doFilter(request, response);
    }

    /** The tenant the filter found for this request. */
    public static Tenant tenantOf(HttpServletRequest request) {
        return (Tenant) request.getAttribute(TENANT_ATTRIBUTE);
    }
}
