package io.chatpulse.metrics.queue;

import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.api.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
class QueueSummaryController {

    private final QueueSummaryService service;

    QueueSummaryController(QueueSummaryService service) {
        this.service = service;
    }

    // Parameters arrive as text so a bad one is reported by SummaryPeriod with its name and reason.
    @GetMapping("/api/v1/queues/summary")
    QueueSummary summary(Tenant tenant,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String queueId) {
        return service.summary(tenant, from, to, queueId);
    }
}
