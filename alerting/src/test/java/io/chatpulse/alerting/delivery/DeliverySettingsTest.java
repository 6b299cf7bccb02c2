package io.chatpulse.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.alerting.channel.DeliveryResult;
import io.chatpulse.alerting.channel.DeliveryResult.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    @Test
    void backsOffExponentiallyUpToTheCap() {
        DeliverySettings settings = new DeliverySettings(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(7));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retriesOnlyTooManyRequestsAndServerErrors() {
        assertThat(DeliveryResult.ofHttpStatus(202, "").kind()).isEqualTo(Kind.DELIVERED);
        assertThat(DeliveryResult.ofHttpStatus(429, "slow down").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(DeliveryResult.ofHttpStatus(500, "").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(DeliveryResult.ofHttpStatus(503, "").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(DeliveryResult.ofHttpStatus(400, "bad").kind()).isEqualTo(Kind.REJECTED);
        assertThat(DeliveryResult.ofHttpStatus(404, "").kind()).isEqualTo(Kind.REJECTED);
        assertThat(DeliveryResult.ofHttpStatus(400, "invalid routing key").error()).isEqualTo("HTTP 400: invalid routing key");
    }

    @Test
    void describesAnAttemptInOneLine() {
        var attempt = io.chatpulse.events.DeliveryAttempt.newBuilder().setAttemptId("n#2").setNotificationId("n")
                .setTenantId("acme").setRule("queue_wait").setScope("queue:billing").setDedupKey("acme/queue_wait/queue:billing")
                .setChannel("ops").setAction("TRIGGER").setAttempt(2).setOutcome(io.chatpulse.events.DeliveryOutcome.RETRYING)
                .setStatusCode(500).setError("HTTP 500").setAttemptedAt(0).setDurationMs(12).build();

        assertThat(DeliveryRecorder.describe(attempt)).isEqualTo("delivery attempt: outcome=RETRYING channel=ops"
                + " action=TRIGGER attempt=2 status=500 durationMs=12 tenant=acme dedupKey=acme/queue_wait/queue:billing"
                + " notificationId=n error=\"HTTP 500\"");
    }
}
