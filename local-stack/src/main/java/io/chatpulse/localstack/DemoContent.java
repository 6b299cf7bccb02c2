package io.chatpulse.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The demo tenants' topic catalogue and QA scorecard (files in {@code local-stack/demo}), given to
 * both jobs by both runners (the queue monitor counts topics for topic_spike) so that a new user sees contact reasons and QA scores from the
 * simulated desk: its customers ask about billing, deliveries, passwords, crashes and plans, its
 * agents greet and close some conversations and not others. A file named in the environment
 * (TOPIC_CATALOGUE_FILE, QA_SCORECARD_FILE) is taken instead; it is passed on explicitly, since a job
 * on the session cluster runs in the TaskManagers, whose environment is not the caller's.
 */
public final class DemoContent {

    static final String TOPIC_CATALOGUE_FILE = "TOPIC_CATALOGUE_FILE";
    static final String QA_SCORECARD_FILE = "QA_SCORECARD_FILE";

    private DemoContent() {
    }

    /** The jobs' topic catalogue and scorecard files: the environment's, else the demo's. */
    public static Map<String, String> jobSettings(Path home, Map<String, String> environment) {
        Path folder = home.resolve("local-stack/demo");
        return Map.of(
                TOPIC_CATALOGUE_FILE, environment.getOrDefault(TOPIC_CATALOGUE_FILE,
                        folder.resolve("topic-catalogue.json").toString()),
                QA_SCORECARD_FILE, environment.getOrDefault(QA_SCORECARD_FILE,
                        folder.resolve("qa-scorecard.json").toString()));
    }
}
