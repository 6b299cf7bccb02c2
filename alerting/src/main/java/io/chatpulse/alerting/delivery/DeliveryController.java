package io.chatpulse.alerting.delivery;

import io.chatpulse.alerting.ApiProblem;
import io.chatpulse.alerting.owner.ReadsTenantStore;
import io.chatpulse.alerting.tenancy.Tenant;
import io.chatpulse.events.DeliveryAttempt;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every delivery attempt of the caller's tenant, oldest first, optionally of one incident (dedup key). */
@RestController
class DeliveryController {

    private final DeliveryAttempts attempts;

    DeliveryController(DeliveryAttempts attempts) {
        this.attempts = attempts;
    }

    record AttemptView(String attemptId, String notificationId, String dedupKey, String rule, String scope, String channel,
            String action, int attempt, String outcome, Integer statusCode, String error, String attemptedAt, long durationMs) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.getAttemptId(), a.getNotificationId(), a.getDedupKey(), a.getRule(), a.getScope(),
                    a.getChannel(), a.getAction(), a.getAttempt(), a.getOutcome().name(), a.getStatusCode(), a.getError(),
                    Instant.ofEpochMilli(a.getAttemptedAt()).toString(), a.getDurationMs());
        }
    }

    record AttemptList(List<AttemptView> deliveries) {
    }

    @ReadsTenantStore(DeliveryLogTopology.ATTEMPT_STORE)
    @GetMapping("/api/v1/alerts/deliveries")
    AttemptList list(@RequestParam(required = false) String dedupKey, @RequestParam(defaultValue = "500") int limit,
            HttpServletRequest request) {
        if (limit < 1 || limit > 5000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "limit", "limit must be between 1 and 5000");
        }
        List<AttemptView> matching = attempts.of(Tenant.of(request).id()).orElseThrow(ApiProblem::notReady).stream()
                .filter(a -> dedupKey == null || dedupKey.equals(a.getDedupKey()))
                .map(AttemptView::of).toList();
        return new AttemptList(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
    }
}
