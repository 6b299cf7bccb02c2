package io.chatpulse.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AlertNotification;
import io.chatpulse.events.NotificationAction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogChannelTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerNotification() throws Exception {
        Path file = dir.resolve("logs/pages.log");
        LogChannel channel = new LogChannel(file);

        assertThat(channel.send(notification(NotificationAction.TRIGGER)).kind()).isEqualTo(DeliveryResult.Kind.DELIVERED);
        assertThat(channel.send(notification(NotificationAction.RESOLVE)).kind()).isEqualTo(DeliveryResult.Kind.DELIVERED);

        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\S+Z \\[FIRING\\] queue_wait queue:billing \\(tenant demo\\): "
                + "Queue billing: a customer has waited 121 s .*dedup key demo/queue_wait/queue:billing\\)");
        assertThat(lines.get(1)).contains("[RESOLVED] queue_wait queue:billing");
    }

    @Test
    void aFileThatCannotBeWrittenIsRetried() throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "");
        LogChannel channel = new LogChannel(dir.resolve("not-a-folder/pages.log"));

        assertThat(channel.send(notification(NotificationAction.TRIGGER)).kind()).isEqualTo(DeliveryResult.Kind.RETRYABLE);
    }

    private static AlertNotification notification(NotificationAction action) {
        return AlertNotification.newBuilder().setNotificationId("n-1").setTenantId("demo").setRule("queue_wait")
                .setScope("queue:billing").setDedupKey("demo/queue_wait/queue:billing").setChannel("pages")
                .setAction(action).setSequence(0).setStartedAt(0).setCreatedAt(0).setValue(121).setThreshold(120)
                .setSummary("Queue billing: a customer has waited 121 s for an agent (threshold 120 s)")
                .setDashboardUrl(null).build();
    }
}
