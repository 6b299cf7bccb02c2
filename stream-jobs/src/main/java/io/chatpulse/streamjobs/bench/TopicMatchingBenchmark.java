package io.chatpulse.streamjobs.bench;

import io.chatpulse.streamjobs.topic.Topic;
import io.chatpulse.streamjobs.topic.TopicMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What tagging a customer message costs the KPI job: one tenant's {@link TopicMatcher} with a
 * catalogue of {@code --topics} topics of {@code --phrases} phrases each (a tenth of them Chinese,
 * so matched as substrings) and {@code --patterns} RE2 patterns in all, over {@code --messages}
 * simulated customer messages of 40 to 160 characters, a third of them naming a phrase. Prints
 * messages per second after a warm-up, for the catalogue and for an empty one. Engine-free:
 *
 * <pre>
 * java -cp "stream-jobs.jar:lib/*" io.chatpulse.streamjobs.bench.TopicMatchingBenchmark --topics 200 --phrases 10
 * </pre>
 */
public final class TopicMatchingBenchmark {

    private static final String USAGE = "TopicMatchingBenchmark [--topics 200] [--phrases 10] [--patterns 20]"
            + " [--messages 1000000] [--rounds 5]";
    private static final String[] WORDS = ("hello order my the a is late where can i please help thanks today account"
            + " box item price size colour store app website email phone number week again still not yet why how").split(" ");
    private static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研";

    private TopicMatchingBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkArgs parsed = BenchmarkArgs.parseOrExit(USAGE, Map.of("--topics", "200", "--phrases", "10",
                "--patterns", "20", "--messages", "1000000", "--rounds", "5"), args);
        Random random = new Random(20261207);
        List<Topic> topics = catalogue(random, (int) parsed.number("--topics"), (int) parsed.number("--phrases"),
                (int) parsed.number("--patterns"));
        List<String> phrases = topics.stream().flatMap(t -> t.phrases().stream()).toList();
        List<String> messages = messages(random, phrases, (int) parsed.number("--messages"));
        System.out.printf("catalogue: %d topics, %d phrases, %d patterns; %d messages, mean %.0f characters%n",
                topics.size(), phrases.size(), topics.stream().mapToInt(t -> t.patterns().size()).sum(), messages.size(),
                messages.stream().mapToInt(String::length).average().orElse(0));
        long rounds = parsed.number("--rounds");
        measure("empty catalogue", new TopicMatcher(List.of()), messages, rounds);
        measure("catalogue", new TopicMatcher(topics), messages, rounds);
    }

    private static void measure(String what, TopicMatcher matcher, List<String> messages, long rounds) {
        long tagged = run(matcher, messages);
        for (long round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            tagged = run(matcher, messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s, round %d: %,.0f messages/s (%.2f µs each), %d messages tagged%n", what, round,
                    messages.size() / seconds, seconds * 1e6 / messages.size(), tagged);
        }
    }

    private static long run(TopicMatcher matcher, List<String> messages) {
        long tagged = 0;
        for (String message : messages) {
            if (!matcher.topicsOf(message).isEmpty()) {
                tagged++;
            }
        }
        return tagged;
    }

    /** {@code topics} topics of {@code phrasesPerTopic} phrases, a tenth Chinese; the first {@code patterns} with a pattern. */
    static List<Topic> catalogue(Random random, int topics, int phrasesPerTopic, int patterns) {
        List<Topic> catalogue = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            List<String> phrases = new ArrayList<>();
            for (int p = 0; p < phrasesPerTopic; p++) {
                phrases.add(p % 10 == 9 ? han(random, 2 + random.nextInt(3)) : "t" + t + "p" + p + " " + word(random));
            }
            List<String> own = t < patterns ? List.of("order #?" + t + "\\d{3}") : List.of();
            catalogue.add(new Topic("topic-" + t, phrases, own));
        }
        return catalogue;
    }

    private static List<String> messages(Random random, List<String> phrases, int count) {
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = 40 + random.nextInt(120);
            boolean chinese = random.nextInt(10) == 0;
            while (text.length() < length) {
                text.append(chinese ? han(random, 1 + random.nextInt(4)) : word(random)).append(chinese ? "" : " ");
            }
            if (random.nextInt(3) == 0) {
                text.insert(random.nextInt(text.length()), " " + phrases.get(random.nextInt(phrases.size())) + " ");
            }
            messages.add(text.toString());
        }
        return messages;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String han(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(HAN.charAt(random.nextInt(HAN.length())));
        }
        return text.toString();
    }
}
