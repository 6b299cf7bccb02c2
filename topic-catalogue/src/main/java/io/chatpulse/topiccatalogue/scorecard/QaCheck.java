package io.chatpulse.topiccatalogue.scorecard;

import java.io.Serializable;
import java.util.List;

/**
 * One check of a scorecard: which ({@link CheckKind#column()}), its weight, and what it needs:
 * {@code phrases} for greeting, forbidden_phrases and closing, {@code targetSeconds} for reply_time,
 * {@code max} for transfers. Boxed numbers, so a missing one is told from a zero at validation.
 */
public record QaCheck(String check, Integer weight, List<String> phrases, Integer targetSeconds, Integer max)
        implements Serializable {

    public QaCheck {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }

    /** The kind; only on a validated check. */
    public CheckKind kind() {
        return CheckKind.of(check).orElseThrow();
    }
}
