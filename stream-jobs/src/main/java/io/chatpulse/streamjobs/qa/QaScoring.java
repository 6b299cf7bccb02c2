package io.chatpulse.streamjobs.qa;

import io.chatpulse.streamjobs.qa.CheckOutcome.Result;
import io.chatpulse.topiccatalogue.scorecard.CheckKind;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The verdict of each check of a scorecard on an ended stretch, and the QA score: the one
 * definition of docs/kpi-qa.md, as plain functions.
 */
public final class QaScoring {

    public static final String RESOLVED = "resolved";
    public static final String ABANDONED = "abandoned";

    private QaScoring() {
    }

    /** Each check of the card, in the card's order, on the ended stretch {@code state}. */
    public static List<CheckOutcome> outcomes(Scorecard card, QaState state) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (QaCheck check : card.checks()) {
            outcomes.add(outcome(check.kind(), check.weight(), state));
        }
        return outcomes;
    }

    /** 100 x the weights of the passed checks / the weights of the applicable ones; none when none applies. */
    public static OptionalDouble score(List<CheckOutcome> outcomes) {
        int applicable = weightOf(outcomes, Result.PASS) + weightOf(outcomes, Result.FAIL);
        if (applicable == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * weightOf(outcomes, Result.PASS) / applicable);
    }

    public static int weightOf(List<CheckOutcome> outcomes, Result result) {
        return outcomes.stream().filter(o -> o.result() == result).mapToInt(CheckOutcome::weight).sum();
    }

    private static CheckOutcome outcome(CheckKind kind, int weight, QaState s) {
        boolean resolved = RESOLVED.equals(s.ending);
        return switch (kind) {
            case GREETING -> s.firstAgentMessage == null ? notApplicable(kind, weight, s)
                    : verdict(kind, weight, s.greeted, s.firstAgentMessage, s);
            case FORBIDDEN_PHRASES -> s.firstAgentMessage == null ? notApplicable(kind, weight, s)
                    : verdict(kind, weight, s.forbidden == null, s.forbidden, s);
            case CLOSING -> !resolved || s.lastAgentMessage == null ? notApplicable(kind, weight, s)
                    : verdict(kind, weight, s.closingPhrase, s.lastAgentMessage, s);
            case REPLY_TIME -> s.replies == 0 ? notApplicable(kind, weight, s)
                    : verdict(kind, weight, s.slowReply == null, s.slowReply, s);
            case TRANSFERS -> verdict(kind, weight, s.excessTransfer == null, s.excessTransfer, s);
            case SURVEY_OFFERED -> !resolved ? notApplicable(kind, weight, s) : verdict(kind, weight, s.surveyOffered, null, s);
        };
    }

    private static CheckOutcome notApplicable(CheckKind kind, int weight, QaState s) {
        return new CheckOutcome(kind, weight, Result.NOT_APPLICABLE, "", s.endedAt);
    }

    private static CheckOutcome verdict(CheckKind kind, int weight, boolean passed, MessageRef failedAt, QaState s) {
        if (passed) {
            return new CheckOutcome(kind, weight, Result.PASS, "", s.endedAt);
        }
        return failedAt == null ? new CheckOutcome(kind, weight, Result.FAIL, "", s.endedAt)
                : new CheckOutcome(kind, weight, Result.FAIL, failedAt.eventId, failedAt.at);
    }
}
