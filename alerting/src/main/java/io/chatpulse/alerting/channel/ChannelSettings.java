package io.chatpulse.alerting.channel;

import java.net.URI;
import java.util.List;

/**
 * One channel under {@code chatpulse.alerting.channels.<name>}.
 *
 * @param url        webhook, Slack and PagerDuty: where to POST (PagerDuty:
 *                   https://events.pagerduty.com/v2/enqueue)
 * @param routingKey PagerDuty: the integration's routing key
 * @param source     PagerDuty: payload.source, default "chatpulse"
 * @param to         e-mail: recipients
 * @param from       e-mail: sender, default "chatpulse-alerting@localhost"
 * @param path       log: the file each notification is appended to as one line
 */
public record ChannelSettings(ChannelType type, URI url, String routingKey, String source, List<String> to, String from,
                              java.nio.file.Path path) {

    public ChannelSettings {
        if (type == null) {
            throw new IllegalArgumentException("chatpulse.alerting.channels.<name>.type is required (webhook, slack, pagerduty, email, log)");
        }
        to = to == null ? List.of() : List.copyOf(to);
        source = source == null ? "chatpulse" : source;
        from = from == null ? "chatpulse-alerting@localhost" : from;
    }
}
