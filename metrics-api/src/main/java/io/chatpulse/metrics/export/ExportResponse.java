package io.chatpulse.metrics.export;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The success answer of an export operation: the file of one {@link ExportFormat}, as an attachment. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "the file, as an attachment named for what it holds",
        content = {@Content(mediaType = "text/csv"),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")})
public @interface ExportResponse {
}
