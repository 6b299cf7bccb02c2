package io.chatpulse.topiccatalogue.scorecard;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's QA scorecard: its version (a number the tenant raises with each change, stored with
 * every score it gives) and its checks with their weights. {@link #validate} is the one validator,
 * for the KPI job's file and the versions it reads from {@code chatpulse.qa-scorecard}; it lives beside
 * the topic catalogue's rules so that every writer of a scorecard can check it the same way.
 */
public record Scorecard(Integer version, List<QaCheck> checks) implements Serializable {

    public static final int MAX_WEIGHT = 100;
    public static final int MAX_PHRASES = 1_000;
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TARGET_SECONDS = 86_400;
    public static final int MAX_TRANSFERS = 100;

    /** The check of that kind, if the scorecard has one. */
    public Optional<QaCheck> check(CheckKind kind) {
        return checks.stream().filter(check -> kind.column().equals(check.check())).findFirst();
    }

    /** Checks a scorecard; {@code field} prefixes the fields named in an error ({@code acme}). */
    public static void validate(String field, Scorecard card) {
        if (card == null) {
            throw new InvalidScorecardException(field, "must be a scorecard, not null");
        }
        if (card.version() == null || card.version() < 1) {
            throw new InvalidScorecardException(field + ".version", "a whole number of at least 1 is required");
        }
        validateChecks(field + ".checks", card.checks());
    }

    /**
     * Checks a scorecard's list of checks alone, for a writer that numbers the versions itself (the
     * admin API); {@code field} names the list in an error ({@code checks}: {@code checks[2].weight}).
     */
    public static void validateChecks(String field, List<QaCheck> checks) {
        if (checks == null || checks.isEmpty()) {
            throw new InvalidScorecardException(field, "needs at least one check");
        }
        Set<CheckKind> seen = EnumSet.noneOf(CheckKind.class);
        for (int i = 0; i < checks.size(); i++) {
            String at = field + "[" + i + "]";
            QaCheck check = checks.get(i);
            if (check == null) {
                throw new InvalidScorecardException(at, "must be a check, not null");
            }
            CheckKind kind = CheckKind.of(check.check()).orElseThrow(() -> new InvalidScorecardException(at + ".check",
                    "must be one of " + EnumSet.allOf(CheckKind.class).stream().map(CheckKind::column).toList()
                            + ", not '" + check.check() + "'"));
            if (!seen.add(kind)) {
                throw new InvalidScorecardException(at + ".check", "'" + check.check() + "' is listed twice");
            }
            validate(at, kind, check);
        }
    }

    private static void validate(String at, CheckKind kind, QaCheck check) {
        if (check.weight() == null || check.weight() < 1 || check.weight() > MAX_WEIGHT) {
            throw new InvalidScorecardException(at + ".weight", "a whole number from 1 to " + MAX_WEIGHT + " is required");
        }
        if (kind.usesPhrases()) {
            checkPhrases(at + ".phrases", check.phrases());
        } else if (!check.phrases().isEmpty()) {
            throw new InvalidScorecardException(at + ".phrases", "only greeting, forbidden_phrases and closing take phrases");
        }
        checkNumber(at + ".targetSeconds", check.targetSeconds(), kind == CheckKind.REPLY_TIME, 1, MAX_TARGET_SECONDS,
                "reply_time");
        checkNumber(at + ".max", check.max(), kind == CheckKind.TRANSFERS, 0, MAX_TRANSFERS, "transfers");
    }

    private static void checkPhrases(String field, List<String> phrases) {
        if (phrases.isEmpty()) {
            throw new InvalidScorecardException(field, "needs at least one phrase");
        }
        if (phrases.size() > MAX_PHRASES) {
            throw new InvalidScorecardException(field, "at most " + MAX_PHRASES + " phrases, not " + phrases.size());
        }
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            if (phrase == null || phrase.isBlank()) {
                throw new InvalidScorecardException(field + "[" + p + "]", "must not be blank");
            }
            if (phrase.length() > MAX_LENGTH) {
                throw new InvalidScorecardException(field + "[" + p + "]",
                        "at most " + MAX_LENGTH + " characters, not " + phrase.length());
            }
        }
    }

    private static void checkNumber(String field, Integer value, boolean wanted, int min, int max, String owner) {
        if (!wanted && value != null) {
            throw new InvalidScorecardException(field, "only " + owner + " takes it");
        }
        if (wanted && (value == null || value < min || value > max)) {
            throw new InvalidScorecardException(field, "a whole number from " + min + " to " + max + " is required");
        }
    }
}
