package io.chatpulse.chatcore.routing;

import io.chatpulse.chatcore.agent.Agent;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which assigned conversations go to another agent because the customer has waited too
 * long for a reply. Pure, so the decision is tested without a scheduler or Kafka.
 */
public final class ReassignPolicy {

    private ReassignPolicy() {
    }

    /**
     * Overdue when a customer message has been unanswered for {@code after}, counted from the
     * later of that message and the current agent's assignment: a fresh agent gets the full time.
     */
    public static boolean isOverdue(Conversation c, Instant now, Duration after) {
        if (c.state() != ConversationState.ASSIGNED || c.awaitingReplySince() == null) {
            return false;
        }
        Instant since = c.assignedAt() != null && c.assignedAt().isAfter(c.awaitingReplySince())
                ? c.assignedAt() : c.awaitingReplySince();
        return !now.isBefore(since.plus(after));
    }

    /**
     * The overdue conversations, longest unanswered first, each to another free agent chosen as
     * routing would (skills, then least loaded); one no other agent can take stays where it is.
     */
    public static List<Router.Assignment> plan(Collection<Conversation> assigned, Collection<Agent> agents,
            Map<String, Integer> load, Function<String, Collection<String>> skillsOfQueue, Instant now,
            Duration after) {
        Map<String, Integer> planned = new HashMap<>(load);
        List<Router.Assignment> moves = new ArrayList<>();
        assigned.stream()
                .filter(c -> isOverdue(c, now, after))
                .sorted(Comparator.comparing(Conversation::awaitingReplySince).thenComparing(Conversation::id))
                .forEach(c -> {
                    List<Agent> others = agents.stream().filter(a -> !a.id().equals(c.assigneeId())).toList();
                    Optional<Agent> to = Router.pick(c.queueId(), skillsOfQueue.apply(c.queueId()), others, planned);
                    to.ifPresent(agent -> {
                        moves.add(new Router.Assignment(c.id(), agent.id()));
                        planned.merge(agent.id(), 1, Integer::sum);
                        planned.merge(c.assigneeId(), -1, Integer::sum);
                    });
                });
        return moves;
    }
}
