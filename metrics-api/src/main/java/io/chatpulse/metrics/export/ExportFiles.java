package io.chatpulse.metrics.export;

import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.tenancy.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams an export as a download whose name says what it holds. */
public final class ExportFiles {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm");

    private ExportFiles() {
    }

    /**
     * chatpulse_{tenant}_{report}_{from}_{to}_{timezone}.{ext}, times local to the timezone, e.g.
     * chatpulse_acme_agent-report_2026-03-01T0000_2026-03-08T0000_Europe-Berlin.xlsx.
     */
    public static String filename(ReportQuery query, String report, ExportFormat format) {
        return filename(query.tenant(), report, query.period().from(), query.period().to(), query.zone(), format);
    }

    /** The same name for any export of a tenant's period [from, to) in a timezone. */
    public static String filename(Tenant tenant, String report, Instant from, Instant to, ZoneId zone,
                                  ExportFormat format) {
        return String.join("_", "chatpulse", safe(tenant.id()), safe(report), LOCAL.format(from.atZone(zone)),
                LOCAL.format(to.atZone(zone)), safe(zone.getId())) + "." + format.extension();
    }

    public static ResponseEntity<StreamingResponseBody> download(ExportFormat format, String filename,
                                                                 StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9.-]+", "-");
    }
}
