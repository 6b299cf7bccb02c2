package io.chatpulse.metrics.catalogue;

import io.chatpulse.topiccatalogue.InvalidCatalogueException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalogue's refusals as RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = CatalogueController.class)
class CatalogueProblems {

    @ExceptionHandler(InvalidCatalogueException.class)
    ProblemDetail invalid(InvalidCatalogueException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid topic catalogue");
        problem.setProperty("field", e.field());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", e.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(CatalogueController.etag(e.current())).body(problem);
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

    @ExceptionHandler(CatalogueUnavailableException.class)
    ProblemDetail unavailable(CatalogueUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Topic catalogue unavailable");
        return problem;
    }
}
