package io.chatpulse.metrics.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the authenticated {@link Tenant} to controller methods that declare it. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Tenant tenant = Tenant.of(webRequest.getNativeRequest(HttpServletRequest.class));
        if (tenant == null) {
            // Only reachable if a controller outside /api/** asks for a tenant: fail closed.
            throw new IllegalStateException("no tenant: the request did not pass the API key check");
        }
        return tenant;
    }
}
