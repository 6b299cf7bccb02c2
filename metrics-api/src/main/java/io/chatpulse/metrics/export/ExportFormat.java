package io.chatpulse.metrics.export;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The file formats of an export. */
public enum ExportFormat {
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("format", "must be csv or xlsx: '" + value + "'");
        }
    }
}
