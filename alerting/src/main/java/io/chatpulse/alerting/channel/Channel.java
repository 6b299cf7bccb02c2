package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;

/** A receiver of notifications. One call is one delivery attempt; it never throws, it classifies. */
public interface Channel {

    DeliveryResult send(AlertNotification notification);
}
