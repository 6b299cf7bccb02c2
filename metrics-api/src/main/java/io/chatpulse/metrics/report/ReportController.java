package io.chatpulse.metrics.report;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.export.ExportFiles;
import io.chatpulse.metrics.export.ExportFormat;
import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.export.TableWriter;
import io.chatpulse.metrics.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@ProblemResponses
@Tag(name = "History", description = "KPIs of a past period, as a summary, a time series and per agent")
class ReportController {

    private static final String HOURS = "business: first response, reply and resolution time count only the time inside the "
            + "business hours of each figure's queue (the weekly calendars stream-jobs is configured with; a queue "
            + "without one is always open); all (default): every millisecond. The other KPIs are the same either way.";

    private final ReportService service;

    ReportController(ReportService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/kpis/summary")
    @Operation(summary = "Every KPI over a period",
            description = "Summary of [from, to) from the report views (their business-hours twins for FRT, reply and "
                    + "resolution time with hours=business); the same views as the series, the agent report and the "
                    + "exports, so they agree exactly. Role: supervisor.")
    KpiSummary summary(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                       @Parameter(description = HOURS) @RequestParam(required = false) String hours) {
        return service.summary(service.query(tenant, params, hours));
    }

    @GetMapping("/api/v1/kpis/series")
    @Operation(summary = "Every KPI per minute, hour, day or week",
            description = "Buckets cut in the timezone (toStartOfDay(ts, tz), toMonday(ts, tz)...), clipped to [from, to); "
                    + "every bucket is listed, empty ones too. Counts of the buckets add up to the summary's (handled is "
                    + "a distinct count per bucket and does not). At most chatpulse.reports.max-buckets buckets. Role: supervisor.")
    KpiSeries series(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                     @Parameter(description = "minute, hour, day or week", required = true)
                     @RequestParam(required = false) String interval,
                     @Parameter(description = HOURS) @RequestParam(required = false) String hours) {
        ReportQuery query = service.query(tenant, params, hours);
        return service.series(query, Interval.parseSeriesInterval(interval));
    }

    @GetMapping("/api/v1/kpis/by-contact-reason")
    @Operation(summary = "FRT, resolution time and CSAT per contact reason",
            description = "Per contact reason (the conversation's first topic, docs/kpi-topics.md; '' for conversations "
                    + "that named no topic): first response and resolution time (count, median, p90, p99, mean) and CSAT "
                    + "over [from, to), each figure in the period of its completing event like the summary, whose counts "
                    + "the rows add up to. All the time, not business hours. Role: supervisor.")
    ContactReasonReport byContactReason(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params) {
        return service.byContactReason(service.query(tenant, params));
    }

    @GetMapping("/api/v1/kpis/by-contact-reason/export")
    @ExportResponse
    @Operation(summary = "FRT, resolution time and CSAT per contact reason as CSV or XLSX",
            description = "The rows of GET /api/v1/kpis/by-contact-reason, one column per figure. Role: manager.")
    ResponseEntity<StreamingResponseBody> byContactReasonExport(Tenant tenant,
                                                                @ParameterObject @ModelAttribute ReportParams params,
                                                                @Parameter(description = "csv (default) or xlsx")
                                                                @RequestParam(required = false) String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ReportQuery query = service.query(tenant, params);
        ContactReasonReport report = service.byContactReason(query);
        return ExportFiles.download(exportFormat, ExportFiles.filename(query, "contact-reasons", exportFormat), out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "contact reasons")) {
                table.header(ContactReasonTable.HEADER);
                for (ContactReasonReport.Reason reason : report.reasons()) {
                    table.row(ContactReasonTable.row(reason));
                }
            }
        });
    }

    @GetMapping("/api/v1/reports/agents")
    @Operation(summary = "Agent performance report",
            description = "Per agent: conversations handled, resolutions, first response, reply and handle time "
                    + "(count, median, p90, p99, mean), online time (onlineMs), occupancy and average concurrency "
                    + "(null without online time) and CSAT. Online time belongs to no queue or channel: the three are "
                    + "the agent's whole time, and an agent online with no conversation is listed only when no queue "
                    + "or channel or contact-reason filter is given. Role: supervisor.")
    AgentReport agents(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                       @Parameter(description = HOURS) @RequestParam(required = false) String hours) {
        return service.agents(service.query(tenant, params, hours));
    }

    @GetMapping("/api/v1/reports/agents/export")
    @ExportResponse
    @Operation(summary = "Agent performance report as CSV or XLSX",
            description = "The rows of GET /api/v1/reports/agents, one column per figure, streamed. The file name says "
                    + "tenant, report (agent-report, or agent-report-business-hours for hours=business), period (local "
                    + "times) and timezone. Role: manager.")
    ResponseEntity<StreamingResponseBody> export(Tenant tenant, @ParameterObject @ModelAttribute ReportParams params,
                                                 @Parameter(description = "csv (default) or xlsx")
                                                 @RequestParam(required = false) String format,
                                                 @Parameter(description = HOURS)
                                                 @RequestParam(required = false) String hours) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ReportQuery query = service.query(tenant, params, hours);
        AgentReport report = service.agents(query);
        // The name says what the file holds: the business-hours figures are another report.
        String name = query.hours() == Hours.BUSINESS ? "agent-report-business-hours" : "agent-report";
        return ExportFiles.download(exportFormat, ExportFiles.filename(query, name, exportFormat), out -> {
            try (TableWriter table = TableWriter.open(exportFormat, out, "agents")) {
                table.header(AgentReportTable.HEADER);
                for (AgentReport.Agent agent : report.agents()) {
                    table.row(AgentReportTable.row(agent));
                }
            }
        });
    }
}
