package io.chatpulse.metrics.scorecard;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.tenantdoc.TenantDocumentResponses;
import io.chatpulse.metrics.tenantdoc.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@TenantDocumentResponses
@Tag(name = "QA scorecard", description = "The caller's tenant's QA checks and their weights, versioned; each change "
        + "scores the conversations that end after the KPI job reads it (docs/kpi-qa.md). Role: admin")
class ScorecardController {

    static final String PATH = "/api/v1/admin/qa-scorecard";
    private static final String ANSWER = " Answers the new version (ETag) once Kafka has acknowledged it.";

    private final ScorecardService service;

    ScorecardController(ScorecardService service) {
        this.service = service;
    }

    @GetMapping(PATH)
    @Operation(summary = "The tenant's QA scorecard", description = "Its newest version and its checks in order; "
            + "version 0 and no checks while the tenant has saved none. ETag: the version.")
    ResponseEntity<ScorecardView> get(Tenant tenant) {
        return answer(service.get(tenant));
    }

    @PutMapping(PATH)
    @Operation(summary = "Replace the scorecard", description = "Saves the checks as the next version. A 400 names the "
            + "field at fault ('field', e.g. checks[2].targetSeconds) and the reason." + ANSWER)
    ResponseEntity<ScorecardView> replace(Tenant tenant,
                                          @Parameter(description = Versions.IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                  required = false) String ifMatch,
                                          @RequestBody ScorecardRequest body) {
        return answer(service.replace(tenant, ifMatch, body));
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Remove every check", description = "Saves a next version with no checks: the KPI job scores "
            + "none of the tenant's conversations that end from then on (not even by its file's scorecard)." + ANSWER)
    ResponseEntity<ScorecardView> clear(Tenant tenant,
                                        @Parameter(description = Versions.IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                required = false) String ifMatch) {
        return answer(service.clear(tenant, ifMatch));
    }

    private static ResponseEntity<ScorecardView> answer(ScorecardView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
