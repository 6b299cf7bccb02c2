package io.chatpulse.metrics.conversation;

import io.chatpulse.metrics.problem.NotFoundException;
import io.chatpulse.metrics.tenancy.Tenant;
import org.springframework.stereotype.Service;

@Service
public class ConversationKpiService {

    private final ConversationKpiRepository repository;

    public ConversationKpiService(ConversationKpiRepository repository) {
        this.repository = repository;
    }

    public ConversationKpis kpis(Tenant tenant, String conversationId) {
        ConversationKpis kpis = new ConversationKpis(conversationId,
                repository.queueWaits(tenant, conversationId), repository.firstResponses(tenant, conversationId));
        if (kpis.isEmpty()) {
            throw new NotFoundException("no KPIs stored for conversation " + conversationId);
        }
        return kpis;
    }
}
