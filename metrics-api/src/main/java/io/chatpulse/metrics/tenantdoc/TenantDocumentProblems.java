package io.chatpulse.metrics.tenantdoc;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A tenant document's refusals as RFC 9457 problem details, for every admin API on a {@link TenantDocumentLog}. */
@RestControllerAdvice
public class TenantDocumentProblems {

    /** An invalid document's 400: the feature's advice gives its title and its rules' field and reason. */
    public static ProblemDetail invalid(String title, String detail, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        return problem;
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(Versions.etag(e.current())).body(problem);
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ProblemDetail concurrent(ConcurrentChangeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler(VersionRequiredException.class)
    ProblemDetail versionRequired(VersionRequiredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
        problem.setTitle("If-Match required");
        problem.setProperty("parameter", HttpHeaders.IF_MATCH);
        return problem;
    }

    @ExceptionHandler(DocumentUnavailableException.class)
    ProblemDetail unavailable(DocumentUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle(e.document().title() + " unavailable");
        return problem;
    }
}
