package io.chatpulse.metrics.conversation;

import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.api.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
class ConversationKpiController {

    private final ConversationKpiService service;

    ConversationKpiController(ConversationKpiService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/conversations/{conversationId}/kpis")
    ConversationKpis kpis(Tenant tenant, @PathVariable String conversationId) {
        return service.kpis(tenant, conversationId);
    }
}
