package io.chatpulse.metrics.catalogue;

import io.chatpulse.metrics.tenantdoc.TenantDocumentProblems;
import io.chatpulse.topiccatalogue.InvalidCatalogueException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A catalogue the rules refuse as an RFC 9457 problem; the versions' refusals: {@link TenantDocumentProblems}. */
@RestControllerAdvice(assignableTypes = CatalogueController.class)
class CatalogueProblems {

    @ExceptionHandler(InvalidCatalogueException.class)
    ProblemDetail invalid(InvalidCatalogueException e) {
        return TenantDocumentProblems.invalid("Invalid topic catalogue", e.getMessage(), e.field(), e.reason());
    }
}
