package io.chatpulse.alerting.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every API call names its tenant through the X-Api-Key header; anything else is turned away (401). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";
    private static final String TENANT_ATTRIBUTE = Tenant.class.getName();

    private final SecurityProperties properties;

    public ApiKeyFilter(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String tenant = key == null ? null : properties.apiKeys().get(key);
        if (tenant == null || tenant.isBlank()) {
            String reason = key == null ? "the X-Api-Key header is missing" : "the API key is not known";
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + reason + "\",\"field\":\"" + HEADER + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
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
