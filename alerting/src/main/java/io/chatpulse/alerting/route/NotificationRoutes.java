package io.chatpulse.alerting.route;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which channels an alert of a tenant's rule goes to, and on what timing. */
public final class NotificationRoutes {

    private final List<NotificationRoute> routes;
    private final Timing defaults;

    public NotificationRoutes(List<NotificationRoute> routes, Timing defaults) {
        this.routes = List.copyOf(routes);
        this.defaults = defaults;
    }

    /** The channels of every matching route, in configuration order, each once. */
    public Set<String> channels(String tenant, String rule) {
        Set<String> channels = new LinkedHashSet<>();
        for (NotificationRoute route : routes) {
            if (route.matches(tenant, rule)) {
                channels.addAll(route.channels());
            }
        }
        return channels;
    }

    /** The shortest override among the matching routes (the most urgent wins), else the default. */
    public Timing timing(String tenant, String rule) {
        List<NotificationRoute> matching = routes.stream().filter(route -> route.matches(tenant, rule)).toList();
        return new Timing(
                shortest(matching.stream().map(NotificationRoute::groupWait).toList(), defaults.groupWait()),
                shortest(matching.stream().map(NotificationRoute::repeatInterval).toList(), defaults.repeatInterval()));
    }

    private static Duration shortest(List<Duration> overrides, Duration fallback) {
        return overrides.stream().filter(Objects::nonNull).min(Duration::compareTo).orElse(fallback);
    }
}
