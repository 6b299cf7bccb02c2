package io.chatpulse.metrics.topic;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.export.ExportFiles;
import io.chatpulse.metrics.export.ExportFormat;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.export.TableWriter;
import io.chatpulse.metrics.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@ProblemResponses
@Tag(name = "Topics", description = "What customers contact about: topic heat maps (docs/kpi-topics.md)")
class TopicController {

    private static final String AT = "end of the live hour, ISO-8601 instant; default now";
    private static final String QUEUE = "only this queue (the queue at the message); default all";
    private static final String FORMAT = "csv (default) or xlsx";

    private final TopicService service;

    TopicController(TopicService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/topics/heat-map")
    @Operation(summary = "Topics by weekday and hour of day over a period",
            description = "Per weekday (1 Monday .. 7 Sunday), hour (0-23) in the timezone and topic: customer messages "
                    + "naming the topic and their distinct conversations, of the minutes starting in [from, to). "
                    + "Only cells with messages. Role: supervisor.")
    HeatMap heatMap(Tenant tenant, @ParameterObject @ModelAttribute HeatMapParams params) {
        return service.heatMap(service.query(tenant, params));
    }

    @GetMapping("/api/v1/topics/heat-map/export")
    @ExportResponse
    @Operation(summary = "Topics by weekday and hour of day as CSV or XLSX",
            description = "The cells of GET /api/v1/topics/heat-map, one row each. Role: manager.")
    ResponseEntity<StreamingResponseBody> heatMapExport(Tenant tenant, @ParameterObject @ModelAttribute HeatMapParams params,
                                                        @Parameter(description = FORMAT) @RequestParam(required = false)
                                                        String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        TopicService.Query query = service.query(tenant, params);
        HeatMap map = service.heatMap(query);
        String name = ExportFiles.filename(tenant, "topic-heat-map", query.period().from(), query.period().to(),
                query.zone(), exportFormat);
        return ExportFiles.download(exportFormat, name, out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "topics")) {
                table.header(List.of("weekday", "hour", "topic", "messages", "conversations"));
                for (HeatMap.Cell cell : map.cells()) {
                    table.row(List.of((long) cell.weekday(), (long) cell.hour(), cell.topic(), cell.messages(),
                            cell.conversations()));
                }
            }
        });
    }

    @GetMapping("/api/v1/topics/live")
    @Operation(summary = "Topics of the last 60 minutes in 5-minute cells",
            description = "Twelve cells aligned on the clock, the last one holding `at` (still filling): per cell and "
                    + "topic, customer messages naming it and their distinct conversations. Only cells with messages. "
                    + "Role: supervisor.")
    LiveHeatMap live(Tenant tenant, @Parameter(description = AT) @RequestParam(required = false) String at,
                     @Parameter(description = QUEUE) @RequestParam(required = false) String queueId) {
        return service.live(tenant, at, queueId);
    }

    @GetMapping("/api/v1/topics/live/export")
    @ExportResponse
    @Operation(summary = "The live topic cells as CSV or XLSX",
            description = "The cells of GET /api/v1/topics/live, one row each. Role: manager.")
    ResponseEntity<StreamingResponseBody> liveExport(Tenant tenant,
                                                     @Parameter(description = AT) @RequestParam(required = false) String at,
                                                     @Parameter(description = QUEUE) @RequestParam(required = false)
                                                     String queueId,
                                                     @Parameter(description = FORMAT) @RequestParam(required = false)
                                                     String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        LiveHeatMap live = service.live(tenant, at, queueId);
        String name = ExportFiles.filename(tenant, "topics-live", Instant.parse(live.from()), Instant.parse(live.at()),
                ZoneId.of("UTC"), exportFormat);
        return ExportFiles.download(exportFormat, name, out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "topics")) {
                table.header(List.of("start", "topic", "messages", "conversations"));
                for (LiveHeatMap.Cell cell : live.cells()) {
                    table.row(List.of(cell.start(), cell.topic(), cell.messages(), cell.conversations()));
                }
            }
        });
    }
}
