package io.chatpulse.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo alert channel of both runners: alerting appends every page of the demo tenants to
 * {@code pages.log} in the log folder (a channel of type log), and {@code up} prints each line as
 * it arrives, so a new user sees the 2-minute page happen without any receiver. Whoever configures
 * routes of their own (environment CHATPULSE_ALERTING_ROUTES_..., or SPRING_APPLICATION_JSON) gets
 * only theirs. On the cluster both alerting instances append to the one file: each line is one
 * write in append mode, which the kernel places whole at the end whichever process writes it.
 */
public final class DemoChannel {

    public static final String FILE_NAME = "pages.log";
    private static final String CHANNEL = "CHATPULSE_ALERTING_CHANNELS_PAGES_";
    private static final String ROUTES = "CHATPULSE_ALERTING_ROUTES_";

    private DemoChannel() {
    }

    /**
     * alerting's environment for the demo channel, one route per tenant; none when {@code environment}
     * configures routes.
     */
    public static Map<String, String> environment(Path logDir, List<String> tenants, Map<String, String> environment) {
        if (configuresRoutes(environment)) {
            return Map.of();
        }
        Map<String, String> demo = new HashMap<>(Map.of(CHANNEL + "TYPE", "log", CHANNEL + "PATH", file(logDir).toString()));
        for (int i = 0; i < tenants.size(); i++) {
            demo.put(ROUTES + i + "_TENANT", tenants.get(i));
            demo.put(ROUTES + i + "_CHANNELS_0", "pages");
        }
        return Map.copyOf(demo);
    }

    static boolean configuresRoutes(Map<String, String> environment) {
        return environment.containsKey("SPRING_APPLICATION_JSON")
                || environment.keySet().stream().anyMatch(name -> name.startsWith(ROUTES));
    }

    public static Path file(Path logDir) {
        return logDir.resolve(FILE_NAME);
    }
}
