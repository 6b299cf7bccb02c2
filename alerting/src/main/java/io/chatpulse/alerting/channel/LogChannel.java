package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends one line per notification to a file: the demo channel of the embedded stack, whose
 * runner prints each line as it arrives, so a page can be seen without a real receiver. A line:
 * {@code 2026-12-07T21:40:02Z [FIRING] queue_wait queue:billing (tenant demo): <summary> (value …)}.
 */
public final class LogChannel implements Channel {

    private final Path file;

    public LogChannel(Path file) {
        this.file = file;
    }

    @Override
    public synchronized DeliveryResult send(AlertNotification n) {
        String line = Instant.now() + " " + Texts.title(n) + ": " + n.getSummary() + " (" + Texts.details(n) + ")"
                + System.lineSeparator();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return DeliveryResult.delivered(null);
        } catch (IOException e) {
            return DeliveryResult.retryable(null, "cannot append to " + file + ": " + e.getMessage());
        }
    }
}
