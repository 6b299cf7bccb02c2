package io.chatpulse.alerting;

import io.chatpulse.alerting.channel.ChannelSettings;
import io.chatpulse.alerting.delivery.DeliverySettings;
import io.chatpulse.alerting.route.NotificationRoute;
import io.chatpulse.alerting.route.Timing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chatpulse.alerting.*}: the lifecycle's timing, the channels by name and the routes of
 * rules to channels per tenant.
 *
 * @param groupWait      how long a new incident waits for others of its tenant and queue (and for
 *                       an inhibiting pipeline_stalled) before the first page
 * @param repeatInterval how often a firing, unacknowledged incident is paged again
 * @param tick           how often the wall-clock punctuator looks for due pages
 * @param retention      how long resolved incidents and expired silences stay listed
 * @param partitions     partitions of the lifecycle's internal topics (by tenant) and of the
 *                       command, notification and delivery topics it creates
 */
@ConfigurationProperties("chatpulse.alerting")
public record AlertingProperties(
        @DefaultValue("500ms") Duration groupWait,
        @DefaultValue("15m") Duration repeatInterval,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("3") int partitions,
        @DefaultValue DeliverySettings delivery,
        Map<String, ChannelSettings> channels,
        List<NotificationRoute> routes) {

    public AlertingProperties {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        routes = routes == null ? List.of() : List.copyOf(routes);
        for (NotificationRoute route : routes) {
            for (String channel : route.channels()) {
                if (!channels.containsKey(channel)) {
                    throw new IllegalArgumentException("chatpulse.alerting.routes: tenant " + route.tenant()
                            + " names channel '" + channel + "', which is not under chatpulse.alerting.channels");
                }
            }
        }
    }

    public Timing defaultTiming() {
        return new Timing(groupWait, repeatInterval);
    }
}
