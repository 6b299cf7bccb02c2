package io.chatpulse.chatcore.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.tenant.TenancyProperties;
import io.chatpulse.events.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConversationRepositoryTest {

    private final ConversationLifecycle lifecycle = new ConversationLifecycle();
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository(new TenancyProperties(null, null));

    private Conversation open(String tenant, String id) {
        Conversation c = lifecycle.open(id, tenant, "cust", Channel.WEB, "support", Instant.EPOCH).next();
        repository.save(c);
        return c;
    }

    @Test
    void conversationsAreFoundOnlyInTheirTenant() {
        open("acme", "c-1");

        assertThat(repository.find("acme", "c-1")).isPresent();
        assertThat(repository.find("globex", "c-1")).isEmpty();
        assertThat(repository.waiting("globex")).isEmpty();
    }

    @Test
    void waitingAndAssignedFollowEachSave() {
        Conversation first = open("acme", "c-1");
        open("acme", "c-2");
        assertThat(repository.waiting("acme")).extracting(Conversation::id).containsExactly("c-1", "c-2");

        Conversation assigned = lifecycle.assign(first, "a-1", Instant.EPOCH).next();
        repository.save(assigned);
        assertThat(repository.waiting("acme")).extracting(Conversation::id).containsExactly("c-2");
        assertThat(repository.assignedTo("acme", "a-1")).containsExactly(assigned);

        repository.save(lifecycle.resolve(assigned, Instant.EPOCH).next());
        assertThat(repository.assigned("acme")).isEmpty();
    }

    @Test
    void onlyConversationsClosedBeforeTheCutoffAreForgotten() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Conversation waiting = open("acme", "waiting");
        repository.save(lifecycle.resolve(lifecycle.assign(open("acme", "old"), "a", t).next(), t).next());
        repository.save(lifecycle.abandon(open("acme", "abandoned"), io.chatpulse.events.AbandonReason.TIMED_OUT,
                t).next());
        repository.save(lifecycle.resolve(lifecycle.assign(open("acme", "recent"), "a", t).next(),
                t.plusSeconds(60)).next());

        assertThat(repository.forgetClosedBefore(t.plusSeconds(1))).isEqualTo(2);

        assertThat(repository.find("acme", "old")).isEmpty();
        assertThat(repository.find("acme", "abandoned")).isEmpty();
        assertThat(repository.find("acme", "recent")).isPresent();
        assertThat(repository.find("acme", "waiting")).contains(waiting);
    }

    @Test
    void anInstanceOwningSomeTenantsKeepsOnlyTheirConversations() {
        InMemoryConversationRepository owningAcme = new InMemoryConversationRepository(
                new TenancyProperties(java.util.Set.of("acme"), null));
        owningAcme.save(lifecycle.open("a-1", "acme", "cust", Channel.WEB, "support", Instant.EPOCH).next());
        owningAcme.save(lifecycle.open("g-1", "globex", "cust", Channel.WEB, "support", Instant.EPOCH).next());

        assertThat(owningAcme.tenants()).containsExactly("acme");
        assertThat(owningAcme.find("globex", "g-1")).isEmpty();
    }
}
