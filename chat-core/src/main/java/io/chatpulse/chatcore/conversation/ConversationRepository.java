package io.chatpulse.chatcore.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Live conversation state, always looked up within one tenant. */
public interface ConversationRepository {

    Optional<Conversation> find(String tenantId, String conversationId);

    void save(Conversation conversation);

    /** Conversations waiting in any queue of the tenant, first come first. */
    List<Conversation> waiting(String tenantId);

    /** Conversations an agent of the tenant holds now. */
    List<Conversation> assignedTo(String tenantId, String agentId);

    /** Conversations held by any agent of the tenant. */
    List<Conversation> assigned(String tenantId);

    /** Tenants with any conversation kept. */
    Set<String> tenants();

    /** Forgets resolved and abandoned conversations closed before {@code cutoff}; returns how many. */
    int forgetClosedBefore(Instant cutoff);
}
