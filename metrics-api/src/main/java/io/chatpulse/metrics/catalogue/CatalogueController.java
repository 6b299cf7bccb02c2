package io.chatpulse.metrics.catalogue;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@TenantDocumentResponses
@Tag(name = "Topic catalogue", description = "The caller's tenant's topics and their phrases, versioned; each change "
        + "tags the messages the KPI job applies from then on (docs/kpi-topics.md). Role: admin")
class CatalogueController {

    static final String PATH = "/api/v1/admin/topic-catalogue";
    private static final String ANSWER = " Answers the new version (ETag) once Kafka has acknowledged it. A 400 names "
            + "the field at fault ('field', e.g. topics[2].patterns[0]) and the reason.";

    private final CatalogueService service;

    CatalogueController(CatalogueService service) {
        this.service = service;
    }

    @GetMapping(PATH)
    @Operation(summary = "The tenant's topic catalogue", description = "Its newest version and every topic in order; "
            + "version 0 and no topics while the tenant has saved none. ETag: the version.")
    ResponseEntity<CatalogueView> get(Tenant tenant) {
        return answer(service.get(tenant));
    }

    @PutMapping(PATH)
    @Operation(summary = "Replace the whole catalogue", description = "Saves the list as the next version." + ANSWER)
    ResponseEntity<CatalogueView> replace(Tenant tenant,
                                          @Parameter(description = Versions.IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                  required = false) String ifMatch,
                                          @RequestBody CatalogueRequest body) {
        return answer(service.replace(tenant, ifMatch, body));
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Remove every topic", description = "Saves an empty next version: the KPI job tags none of the "
            + "tenant's messages from then on (not even with its file's topics)." + ANSWER)
    ResponseEntity<CatalogueView> clear(Tenant tenant,
                                        @Parameter(description = Versions.IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                required = false) String ifMatch) {
        return answer(service.clear(tenant, ifMatch));
    }

    @GetMapping(PATH + "/topics/{name}")
    @Operation(summary = "One topic", description = "404 when the catalogue has no topic of that name. ETag: the "
            + "catalogue's version.")
    ResponseEntity<TopicEntry> topic(Tenant tenant, @PathVariable String name) {
        CatalogueView catalogue = service.get(tenant);
        return ResponseEntity.ok().eTag(Versions.etag(catalogue.version())).body(service.topic(tenant, name));
    }

    @PutMapping(PATH + "/topics/{name}")
    @Operation(summary = "Add or replace one topic", description = "A new name is added last, a known one replaced in "
            + "its place; saved as the next version of the whole catalogue." + ANSWER)
    ResponseEntity<CatalogueView> putTopic(Tenant tenant, @PathVariable String name,
                                           @Parameter(description = Versions.IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                   required = false) String ifMatch,
                                           @RequestBody PhrasesRequest body) {
        return answer(service.putTopic(tenant, ifMatch, name, body));
    }

    @DeleteMapping(PATH + "/topics/{name}")
    @Operation(summary = "Remove one topic", description = "404 when there is none of that name." + ANSWER)
    ResponseEntity<CatalogueView> deleteTopic(Tenant tenant, @PathVariable String name,
                                              @Parameter(description = Versions.IF_MATCH) @RequestHeader(
                                                      value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(service.deleteTopic(tenant, ifMatch, name));
    }

    private static ResponseEntity<CatalogueView> answer(CatalogueView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
