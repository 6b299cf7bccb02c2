package io.chatpulse.topiccatalogue;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a tenant's list of topics must meet before anything uses it, the same in the KPI job
 * (its file and every version it reads), the admin API and the file loader: a catalogue is refused
 * whole with the first field at fault and the reason ({@link InvalidCatalogueException}), never
 * half applied.
 */
public final class CatalogueRules {

    private CatalogueRules() {
    }

    /**
     * Checks one tenant's topics; {@code field} prefixes the fields named in an error
     * ({@code topics} gives {@code topics[2].patterns[0]}).
     */
    public static void validate(String field, List<? extends CatalogueEntry> topics, CatalogueLimits limits) {
        if (topics == null) {
            throw new InvalidCatalogueException(field, "must be a list of topics, not null");
        }
        if (topics.size() > limits.maxTopics()) {
            throw new InvalidCatalogueException(field, "at most " + limits.maxTopics() + " topics, not " + topics.size());
        }
        Set<String> names = new HashSet<>();
        int phrases = 0;
        for (int i = 0; i < topics.size(); i++) {
            String at = field + "[" + i + "]";
            CatalogueEntry topic = topics.get(i);
            if (topic == null) {
                throw new InvalidCatalogueException(at, "must be a topic, not null");
            }
            checkText(at + ".name", topic.name(), limits);
            if (!names.add(topic.name())) {
                throw new InvalidCatalogueException(at + ".name", "'" + topic.name() + "' is named twice");
            }
            if (topic.phrases().isEmpty() && topic.patterns().isEmpty()) {
                throw new InvalidCatalogueException(at, "needs at least one phrase or pattern");
            }
            for (int p = 0; p < topic.phrases().size(); p++) {
                checkText(at + ".phrases[" + p + "]", topic.phrases().get(p), limits);
            }
            for (int p = 0; p < topic.patterns().size(); p++) {
                checkPattern(at + ".patterns[" + p + "]", topic.patterns().get(p), limits);
            }
            phrases += topic.phrases().size() + topic.patterns().size();
        }
        if (phrases > limits.maxPhrases()) {
            throw new InvalidCatalogueException(field, "at most " + limits.maxPhrases() + " phrases and patterns, not "
                    + phrases);
        }
    }

    /** A tenant id: the key of the catalogue topic and of every row. */
    public static void checkTenant(String field, String tenant, CatalogueLimits limits) {
        checkText(field, tenant, limits);
    }

    private static void checkText(String field, String text, CatalogueLimits limits) {
        if (text == null || text.isBlank()) {
            throw new InvalidCatalogueException(field, "must not be blank");
        }
        if (text.length() > limits.maxLength()) {
            throw new InvalidCatalogueException(field, "at most " + limits.maxLength() + " characters, not "
                    + text.length());
        }
    }

    /** RE2 syntax: no backreferences or lookaround, so matching time is linear in the text. */
    private static void checkPattern(String field, String pattern, CatalogueLimits limits) {
        checkText(field, pattern, limits);
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidCatalogueException(field, "not a regular expression (RE2 syntax): " + e.getDescription());
        }
        if (compiled.matches("")) {
            throw new InvalidCatalogueException(field, "matches the empty text, so every message");
        }
    }
}
