package io.chatpulse.streamjobs.topic;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * The topics a text is about, for one tenant's catalogue. All plain phrases go into one
 * Aho-Corasick automaton (one pass over the text whatever the number of phrases), case-insensitive.
 * A phrase in a script written with spaces (English, ...) must stand on word boundaries: the
 * characters either side are not letters or digits of such a script. A phrase with a character of
 * a script written without spaces (Chinese, Japanese, Thai, ...) matches anywhere, as a substring.
 * Patterns are RE2 (linear time, no catastrophic backtracking), case-insensitive, found anywhere.
 *
 * <p>Topics come back in the order of their first match in the text; topics matched at the same
 * place in catalogue order. Not thread-safe to build, safe to use from one thread at a time.
 */
public final class TopicMatcher {

    private final List<String> names;
    private final Trie phrases;
    private final Map<String, List<PhraseTopic>> topicsByPhrase = new HashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Integer> patternTopics = new ArrayList<>();

    private record PhraseTopic(int topic, boolean wordBounded) {
    }

    public TopicMatcher(List<Topic> topics) {
        names = topics.stream().map(Topic::name).toList();
        Trie.TrieBuilder trie = Trie.builder().ignoreCase();
        for (int t = 0; t < topics.size(); t++) {
            for (String phrase : topics.get(t).phrases()) {
                String key = phrase.toLowerCase(Locale.ROOT);
                trie.addKeyword(key);
                topicsByPhrase.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new PhraseTopic(t, Scripts.writtenWithSpaces(phrase)));
            }
            for (String pattern : topics.get(t).patterns()) {
                patterns.add(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE));
                patternTopics.add(t);
            }
        }
        phrases = trie.build();
    }

    /** The names of the topics the text is about, first matched first; none for null or no match. */
    public List<String> topicsOf(String text) {
        if (text == null || text.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        int[] firstAt = new int[names.size()];
        Arrays.fill(firstAt, Integer.MAX_VALUE);
        phrases.parseText(text, emit -> {
            for (PhraseTopic found : topicsByPhrase.getOrDefault(emit.getKeyword(), List.of())) {
                if (!found.wordBounded() || onWordBoundaries(text, emit)) {
                    firstAt[found.topic()] = Math.min(firstAt[found.topic()], emit.getStart());
                }
            }
            return true;
        });
        for (int p = 0; p < patterns.size(); p++) {
            int topic = patternTopics.get(p);
            Matcher matcher = patterns.get(p).matcher(text);
            if (matcher.find()) {
                firstAt[topic] = Math.min(firstAt[topic], matcher.start());
            }
        }
        return inOrderOfFirstMatch(firstAt);
    }

    private List<String> inOrderOfFirstMatch(int[] firstAt) {
        List<Integer> matched = new ArrayList<>();
        for (int t = 0; t < firstAt.length; t++) {
            if (firstAt[t] != Integer.MAX_VALUE) {
                matched.add(t);
            }
        }
        // A stable sort: topics found at the same place stay in catalogue order.
        matched.sort((a, b) -> Integer.compare(firstAt[a], firstAt[b]));
        return matched.stream().map(names::get).toList();
    }

    private static boolean onWordBoundaries(String text, Emit emit) {
        return !Scripts.isWordCharacter(text, emit.getStart() - 1) && !Scripts.isWordCharacter(text, emit.getEnd() + 1);
    }
}
