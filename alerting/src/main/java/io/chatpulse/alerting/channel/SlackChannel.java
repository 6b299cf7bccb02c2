package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Slack-compatible incoming webhook: {@code text} for notifications, {@code blocks} for the message. */
public final class SlackChannel extends JsonChannel {

    public SlackChannel(URI url, JsonPoster poster) {
        super(url, poster);
    }

    @Override
    Map<String, Object> body(AlertNotification n) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section",
                "text", Map.of("type", "mrkdwn", "text", "*" + Texts.title(n) + "*\n" + n.getSummary())));
        blocks.add(Map.of("type", "context",
                "elements", List.of(Map.of("type", "mrkdwn", "text", Texts.details(n)))));
        if (n.getDashboardUrl() != null) {
            blocks.add(Map.of("type", "actions", "elements", List.of(Map.of("type", "button",
                    "text", Map.of("type", "plain_text", "text", "Dashboard"), "url", n.getDashboardUrl()))));
        }
        return Map.of("text", Texts.title(n) + ": " + n.getSummary(), "blocks", blocks);
    }
}
