package io.chatpulse.metrics.limits;

import io.chatpulse.limits.TenantRateLimiter.Admission;
import io.chatpulse.limits.TenantRateLimiter;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.tenancy.Tenant;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Holds each tenant to its limits after it is authenticated and before the controller runs: a
 * token of its request rate for every request, and an export slot for every export (an operation
 * marked {@link ExportResponse}), kept until the streamed file is complete. A streamed export ends
 * on an async dispatch, where afterCompletion runs; the first dispatch only hands the stream over.
 */
@Component
public class TenantLimitsInterceptor implements AsyncHandlerInterceptor {

    static final String EXPORT_SLOT = ExportSlots.Slot.class.getName();

    private final TenantRateLimiter rates;
    private final ExportSlots exports;

    public TenantLimitsInterceptor(TenantRateLimiter rates, ExportSlots exports) {
        this.rates = rates;
        this.exports = exports;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Tenant tenant = Tenant.of(request);
        // An async dispatch is the same request coming back to finish: it was counted once already.
        if (tenant == null || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        Admission admission = rates.admit(tenant.id());
        if (!admission.admitted()) {
            throw LimitExceededException.rate(tenant.id(), admission.rate(), admission.retryAfter());
        }
        if (isExport(handler)) {
            request.setAttribute(EXPORT_SLOT, exports.take(tenant.id()));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!request.isAsyncStarted() && request.getAttribute(EXPORT_SLOT) instanceof ExportSlots.Slot slot) {
            request.removeAttribute(EXPORT_SLOT);
            slot.release();
        }
    }

    private static boolean isExport(Object handler) {
        return handler instanceof HandlerMethod method && method.hasMethodAnnotation(ExportResponse.class);
    }
}
