package io.chatpulse.metrics.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request before its controller runs; a failure becomes a 401 problem
 * through the same exception handling as every other error.
 */
@Component
public class TenantInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = Tenant.class.getName();

    private final ApiKeys apiKeys;

    public TenantInterceptor(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(ATTRIBUTE, apiKeys.authenticate(request.getHeader(ApiKeys.HEADER)));
        return true;
    }
}
