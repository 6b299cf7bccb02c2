package io.chatpulse.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded stack's demo alert channel: alerting appends every page of the demo tenant to
 * {@code pages.log} in the log folder (a channel of type log), and {@code up} prints each line as
 * it arrives, so a new user sees the 2-minute page happen without any receiver. Whoever configures
 * routes of their own (environment CHATPULSE_ALERTING_ROUTES_..., or SPRING_APPLICATION_JSON) gets
 * only theirs.
 */
public final class DemoChannel {

    public static final String FILE_NAME = "pages.log";
    private static final String CHANNEL = "CHATPULSE_ALERTING_CHANNELS_PAGES_";
    private static final String ROUTE = "CHATPULSE_ALERTING_ROUTES_0_";

    private DemoChannel() {
    }

    /** alerting's environment for the demo channel; none when {@code environment} configures routes. */
    public static Map<String, String> environment(Path logDir, String tenant, Map<String, String> environment) {
        boolean configured = environment.containsKey("SPRING_APPLICATION_JSON")
                || environment.keySet().stream().anyMatch(name -> name.startsWith("CHATPULSE_ALERTING_ROUTES"));
        if (configured) {
            return Map.of();
        }
        return Map.of(CHANNEL + "TYPE", "log", CHANNEL + "PATH", file(logDir).toString(),
                ROUTE + "TENANT", tenant, ROUTE + "CHANNELS_0", "pages");
    }

    public static Path file(Path logDir) {
        return logDir.resolve(FILE_NAME);
    }
}
