package io.chatpulse.metrics.export;

import io.chatpulse.metrics.report.ReportQuery;
import java.nio.charset.StandardCharsets;
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
        return String.join("_", "chatpulse", safe(query.tenant().id()), safe(report),
                LOCAL.format(query.period().from().atZone(query.zone())),
                LOCAL.format(query.period().to().atZone(query.zone())),
                safe(query.zone().getId())) + "." + format.extension();
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
