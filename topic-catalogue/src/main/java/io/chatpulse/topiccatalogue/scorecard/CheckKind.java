package io.chatpulse.topiccatalogue.scorecard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The checks a scorecard can hold, as named in the scorecard file and the tables. */
public enum CheckKind {
    /** The agent's first message contains a greeting phrase. */
    GREETING,
    /** No agent message contains a forbidden phrase. */
    FORBIDDEN_PHRASES,
    /** The agent's last message before the resolution contains a closing phrase. */
    CLOSING,
    /** Every reply within the reply-time target. */
    REPLY_TIME,
    /** No more than the allowed number of transfers. */
    TRANSFERS,
    /** The survey was offered at the resolution. */
    SURVEY_OFFERED;

    /** The name in files and tables: {@code greeting}, {@code forbidden_phrases}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the checks that look for phrases in agent messages. */
    public boolean usesPhrases() {
        return this == GREETING || this == FORBIDDEN_PHRASES || this == CLOSING;
    }

    public static Optional<CheckKind> of(String column) {
        return Arrays.stream(values()).filter(kind -> kind.column().equals(column)).findFirst();
    }
}
