package io.chatpulse.metrics.qa;

import java.util.List;

/**
 * An agent's automatic QA over a period (docs/kpi-qa.md): {@code scored}, the scored stretches
 * credited to the agent; {@code meanScore}, the mean of their QA scores (null when none); per check
 * of {@link QaChecks#NAMES}, in that order, the stretches it applied to and those it failed.
 */
public record AgentQa(long scored, Double meanScore, List<CheckFailures> checks) {

    public static final AgentQa NONE = new AgentQa(0, null, QaChecks.NAMES.stream()
            .map(name -> new CheckFailures(name, 0, 0)).toList());

    public record CheckFailures(String check, long applicable, long failures) {
    }
}
