package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import java.net.URI;

/** A receiver that takes one JSON body per notification, POSTed to its URL (webhook, Slack, PagerDuty). */
abstract class JsonChannel implements Channel {

    private final URI url;
    private final JsonPoster poster;

    JsonChannel(URI url, JsonPoster poster) {
        this.url = url;
        this.poster = poster;
    }

    @Override
    public final DeliveryResult send(AlertNotification notification) {
        return poster.post(url, body(notification));
    }

    /** The JSON body of one notification, as this receiver expects it. */
    abstract Object body(AlertNotification n);
}
