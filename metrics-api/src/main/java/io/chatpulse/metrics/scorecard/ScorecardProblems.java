package io.chatpulse.metrics.scorecard;

import io.chatpulse.metrics.tenantdoc.TenantDocumentProblems;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A scorecard the rules refuse as an RFC 9457 problem; the versions' refusals: {@link TenantDocumentProblems}. */
@RestControllerAdvice(assignableTypes = ScorecardController.class)
class ScorecardProblems {

    @ExceptionHandler(InvalidScorecardException.class)
    ProblemDetail invalid(InvalidScorecardException e) {
        return TenantDocumentProblems.invalid("Invalid QA scorecard", e.getMessage(), e.field(), e.reason());
    }
}
