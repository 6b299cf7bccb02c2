package io.chatpulse.alerting.route;

import java.time.Duration;

/** When an incident is first paged (group wait) and how often it is paged again while firing. */
public record Timing(Duration groupWait, Duration repeatInterval) {
}
