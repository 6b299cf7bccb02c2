package io.chatpulse.chatcore.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 bodies of the API. Every problem names the fields at fault and why, in
 * {@code errors: [{field, reason}]}, so clients handle all of them the same way.
 */
public final class Problems {

    private Problems() {
    }

    public record FieldReason(String field, String reason) {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, List<FieldReason> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason())
                .reduce((a, b) -> a + "; " + b).orElse(null);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:chatpulse:problem:" + type));
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                .toList());
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String field, String reason) {
        return of(status, type, List.of(new FieldReason(field, reason)));
    }
}
