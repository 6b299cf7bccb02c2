package io.chatpulse.metrics.qa;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.drilldown.Paging;
import io.chatpulse.metrics.export.ExportFiles;
import io.chatpulse.metrics.export.ExportFormat;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.export.TableWriter;
import io.chatpulse.metrics.report.ReportParams;
import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.report.ReportService;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
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
@Tag(name = "Automatic QA", description = "The conversations that failed a QA check")
class QaController {

    private static final String CHECK = "greeting, forbidden_phrases, closing, reply_time, transfers or survey_offered";
    private static final List<String> HEADER = List.of("conversation_id", "agent_id", "queue_id", "ended_at", "score",
            "failed_event_id", "failed_at");

    private final ReportService reports;
    private final QaRepository repository;

    QaController(ReportService reports, QaRepository repository) {
        this.reports = reports;
        this.repository = repository;
    }

    @GetMapping("/api/v1/qa/failures")
    @Operation(summary = "The conversations that failed a QA check, paged",
            description = "The scored stretches (docs/kpi-qa.md) that ended in [from, to) and failed the check, with the "
                    + "reports' filters (queue at the end, credited agent, channel, contact reason): each with its QA score and the "
                    + "message that failed the check. Newest end first. The drill-down from the agent report's "
                    + "failures per check. Role: supervisor.")
    FailedCheckPage failures(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                             @Parameter(description = CHECK, required = true) @RequestParam(required = false) String check,
                             @Parameter(description = "page size, 1..1000, default 100") @RequestParam(required = false) String limit,
                             @Parameter(description = "rows to skip, default 0") @RequestParam(required = false) String offset) {
        ReportQuery query = reports.query(tenant, params);
        String name = QaChecks.parse(check);
        Paging paging = Paging.parse(limit, offset);
        List<FailedCheck> rows = repository.page(query, name, paging.limit() + 1, paging.offset());
        Long next = paging.nextOffset(rows.size());
        return new FailedCheckPage(name, Timestamps.iso(query.period().from()), Timestamps.iso(query.period().to()),
                query.filters(), paging.limit(), paging.offset(), next, next != null ? rows.subList(0, paging.limit()) : rows);
    }

    @GetMapping("/api/v1/qa/failures/export")
    @ExportResponse
    @Operation(summary = "The conversations that failed a QA check as CSV or XLSX",
            description = "Every row GET /api/v1/qa/failures would page through, streamed (times local to the timezone). "
                    + "The file name says tenant, check, period and timezone. Role: manager.")
    ResponseEntity<StreamingResponseBody> export(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                                                 @Parameter(description = CHECK, required = true)
                                                 @RequestParam(required = false) String check,
                                                 @Parameter(description = "csv (default) or xlsx")
                                                 @RequestParam(required = false) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ReportQuery query = reports.query(tenant, params);
        String name = QaChecks.parse(check);
        DateTimeFormatter local = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        String file = ExportFiles.filename(query, "qa-failures-" + name.replace('_', '-'), exportFormat);
        return ExportFiles.download(exportFormat, file, out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "failures")) {
                table.header(HEADER);
                repository.stream(query, name, row -> {
                    try {
                        table.row(Arrays.asList(row.conversationId(), row.agentId(), row.queueId(),
                                local.format(Instant.parse(row.endedAt())), row.score(), row.eventId(),
                                local.format(Instant.parse(row.at()))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
    }
}
