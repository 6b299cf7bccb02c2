package io.chatpulse.metrics.forecast;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.export.ExportFiles;
import io.chatpulse.metrics.export.ExportFormat;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.export.TableWriter;
import io.chatpulse.metrics.tenancy.Tenant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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

    /** The intervals of the JSON answer, one row each (the summary is the JSON's): for a spreadsheet. */
    @GetMapping("/api/v1/queues/forecast-accuracy/export")
    @ExportResponse
    ResponseEntity<StreamingResponseBody> export(Tenant tenant,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String queueId,
                                                 @RequestParam(required = false) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ForecastAccuracy accuracy = service.accuracy(tenant, from, to, queueId);
        String name = ExportFiles.filename(tenant, "forecast-accuracy", Instant.parse(accuracy.from()),
                Instant.parse(accuracy.to()), ZoneOffset.UTC, exportFormat);
        return ExportFiles.download(exportFormat, name, out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "forecast accuracy")) {
                table.header(List.of("queue", "interval_start", "forecast_minutes", "unbounded_minutes",
                        "service_level_time_s", "forecast_asa_s", "forecast_service_level", "answered", "answered_within",
                        "abandoned", "actual_asa_s", "actual_service_level"));
                for (ForecastAccuracy.Queue queue : accuracy.queues()) {
                    for (ForecastAccuracy.Interval i : queue.intervals()) {
                        table.row(Arrays.asList(queue.queueId(), i.start(), i.forecastMinutes(), i.unboundedMinutes(),
                                i.serviceLevelTimeSeconds(), i.forecast().averageSpeedOfAnswerSeconds(),
                                i.forecast().serviceLevel(), i.actual().answered(), i.actual().answeredWithin(),
                                i.actual().abandoned(), i.actual().averageSpeedOfAnswerSeconds(),
                                i.actual().serviceLevel()));
                    }
                }
            }
        });
    }
}
