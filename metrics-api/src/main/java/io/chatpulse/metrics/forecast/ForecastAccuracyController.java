package io.chatpulse.metrics.forecast;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.tenancy.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
class ForecastAccuracyController {

    private final ForecastAccuracyService service;

    ForecastAccuracyController(ForecastAccuracyService service) {
        this.service = service;
    }

    // Parameters arrive as text so a bad one is reported by SummaryPeriod with its name and reason.
    @GetMapping("/api/v1/queues/forecast-accuracy")
    ForecastAccuracy accuracy(Tenant tenant,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(required = false) String queueId) {
        return service.accuracy(tenant, from, to, queueId);
    }
}
