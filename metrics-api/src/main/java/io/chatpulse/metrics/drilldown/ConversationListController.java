package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.export.ExportFiles;
import io.chatpulse.metrics.export.ExportFormat;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.export.TableWriter;
import io.chatpulse.metrics.report.ReportParams;
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
@Tag(name = "Drill-down", description = "The conversations behind a figure")
class ConversationListController {

    private static final List<String> HEADER = List.of("conversation_id", "queue_id", "agent_id", "started_at",
            "completed_at", "value", "unit", "detail");

    private final ReportService reports;
    private final DrilldownRepository repository;

    ConversationListController(ReportService reports, DrilldownRepository repository) {
        this.reports = reports;
        this.repository = repository;
    }

    @GetMapping("/api/v1/conversations")
    @Operation(summary = "The conversations behind a figure, paged",
            description = "Rows of one figure completed in [from, to) with the reports' filters, exclusive bounds "
                    + "over < value < under (e.g. figure=first_response&over=300000: FRT over 5 minutes; figure=csat&under=3). "
                    + "Without bounds, the rows of a period are exactly the count of the figure in the summary. "
                    + "Ordered by completion time, then conversation id. Role: supervisor.")
    ConversationPage list(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                          @Parameter(description = "queue_wait (answered), first_response, reply_time, resolution_time, handle_time or csat", required = true)
                          @RequestParam(required = false) String figure,
                          @Parameter(description = "exclusive lower bound of value (ms, or rating for csat)")
                          @RequestParam(required = false) String over,
                          @Parameter(description = "exclusive upper bound of value (ms, or rating for csat)")
                          @RequestParam(required = false) String under,
                          @Parameter(description = "page size, 1..1000, default 100") @RequestParam(required = false) String limit,
                          @Parameter(description = "rows to skip, default 0") @RequestParam(required = false) String offset) {
        DrilldownQuery query = DrilldownQuery.parse(reports.query(tenant, params), figure, over, under);
        Paging paging = Paging.parse(limit, offset);
        List<FigureRow> rows = repository.page(query, paging.limit() + 1, paging.offset());
        Long next = paging.nextOffset(rows.size());
        return new ConversationPage(query.figure().id(), query.figure().unit(),
                Timestamps.iso(query.report().period().from()), Timestamps.iso(query.report().period().to()),
                query.report().filters(), over == null || over.isBlank() ? null : query.over(),
                under == null || under.isBlank() ? null : query.under(), paging.limit(), paging.offset(),
                next, next != null ? rows.subList(0, paging.limit()) : rows);
    }

    @GetMapping("/api/v1/conversations/export")
    @ExportResponse
    @Operation(summary = "The conversations behind a figure as CSV or XLSX",
            description = "Every row GET /api/v1/conversations would page through, streamed from ClickHouse as it reads "
                    + "them (times local to the timezone). The file name says tenant, figure, period and timezone. Role: manager.")
    ResponseEntity<StreamingResponseBody> export(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                                                 @RequestParam(required = false) String figure,
                                                 @RequestParam(required = false) String over,
                                                 @RequestParam(required = false) String under,
                                                 @Parameter(description = "csv (default) or xlsx")
                                                 @RequestParam(required = false) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        DrilldownQuery query = DrilldownQuery.parse(reports.query(tenant, params), figure, over, under);
        DateTimeFormatter local = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.report().zone());
        String name = ExportFiles.filename(query.report(), "conversations-" + query.figure().id().replace('_', '-'),
                exportFormat);
        return ExportFiles.download(exportFormat, name, out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "conversations")) {
                table.header(HEADER);
                repository.stream(query, row -> {
                    try {
                        table.row(Arrays.asList(row.conversationId(), row.queueId(), row.agentId(),
                                local.format(Instant.parse(row.startedAt())), local.format(Instant.parse(row.completedAt())),
                                row.value(), query.figure().unit(), row.detail()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
    }
}
