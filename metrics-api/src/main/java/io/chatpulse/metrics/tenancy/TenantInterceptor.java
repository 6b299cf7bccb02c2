package io.chatpulse.metrics.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request and checks its role before the controller runs; a failure
 * becomes a 401 or 403 problem through the same exception handling as every other error.
 */
@Component
public class TenantInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = Tenant.class.getName();
    static final String CALLER = Caller.class.getName();

    private final ApiKeys apiKeys;

    public TenantInterceptor(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller caller = apiKeys.authenticate(apiKey(request, handler));
        Role required = requiredRole(handler);
        if (!caller.role().includes(required)) {
            throw new ForbiddenException(required, caller.role());
        }
        request.setAttribute(ATTRIBUTE, caller.tenant());
        request.setAttribute(CALLER, caller);
        return true;
    }

    /** The tenant this interceptor authenticated for the request, or null before (or without) it. */
    public static Tenant tenantOf(HttpServletRequest request) {
        return (Tenant) request.getAttribute(ATTRIBUTE);
    }

    private static String apiKey(HttpServletRequest request, Object handler) {
        String header = request.getHeader(ApiKeys.HEADER);
        if ((header == null || header.isBlank()) && handler instanceof HandlerMethod method
                && method.hasMethodAnnotation(ApiKeyQueryParameter.class)) {
            return request.getParameter(ApiKeyQueryParameter.NAME);
        }
        return header;
    }

    static Role requiredRole(Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresRole onMethod = method.getMethodAnnotation(RequiresRole.class);
            if (onMethod != null) {
                return onMethod.value();
            }
            RequiresRole onType = method.getBeanType().getAnnotation(RequiresRole.class);
            if (onType != null) {
                return onType.value();
            }
        }
        return Role.SUPERVISOR;
    }
}
