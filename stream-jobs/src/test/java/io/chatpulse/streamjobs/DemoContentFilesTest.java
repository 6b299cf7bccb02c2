package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.qa.Scorecards;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import io.chatpulse.streamjobs.topic.TopicMatcher;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The demo's topic catalogue and QA scorecard, which {@code ./chatpulse up} gives both jobs
 * (local-stack/demo): a file the jobs refuse would stop {@code up}; one that names no topic of what
 * the simulated customers say would show an empty heat map.
 */
class DemoContentFilesTest {

    private static final String FOLDER = "../local-stack/demo/";

    @Test
    void theJobsAcceptTheDemoFilesForBothDemoTenants() {
        TopicCatalogue catalogue = TopicCatalogue.load(Optional.of(FOLDER + "topic-catalogue.json"));
        Scorecards scorecards = Scorecards.load(Optional.of(FOLDER + "qa-scorecard.json"));

        for (String tenant : new String[] {"demo", "acme"}) {
            assertThat(catalogue.topicsOf(tenant)).as(tenant).isNotEmpty();
            assertThat(scorecards.of(tenant)).as(tenant).isPresent();
        }
    }

    @Test
    void theSimulatedCustomersFirstQuestionsEachHaveATopic() {
        TopicMatcher matcher = new TopicMatcher(
                TopicCatalogue.load(Optional.of(FOLDER + "topic-catalogue.json")).topicsOf("demo"));

        // The simulator's opening questions (simulator Journey.QUESTIONS).
        assertThat(matcher.topicsOf("Hi, I was charged twice this month.")).containsExactly("billing");
        assertThat(matcher.topicsOf("My order has not arrived.")).containsExactly("delivery");
        assertThat(matcher.topicsOf("How do I change my password?")).containsExactly("account");
        assertThat(matcher.topicsOf("The app crashes when I log in.")).containsExactly("app problems", "account");
        assertThat(matcher.topicsOf("Can I upgrade my plan?")).containsExactly("plans");
    }
}
