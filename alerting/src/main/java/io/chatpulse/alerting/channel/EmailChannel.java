package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import jakarta.mail.SendFailedException;
import java.util.List;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail over SMTP (spring.mail.*, with connection and read timeouts set there). */
public final class EmailChannel implements Channel {

    private final JavaMailSender sender;
    private final String from;
    private final List<String> to;

    public EmailChannel(JavaMailSender sender, String from, List<String> to) {
        this.sender = sender;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public DeliveryResult send(AlertNotification n) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject("[chatpulse] " + Texts.title(n));
        message.setText(n.getSummary() + "\n\n" + Texts.details(n)
                + (n.getDashboardUrl() == null ? "" : "\nDashboard: " + n.getDashboardUrl())
                + "\nNotification " + n.getNotificationId() + "\n");
        try {
            sender.send(message);
            return DeliveryResult.delivered(null);
        } catch (MailAuthenticationException | MailParseException | MailPreparationException e) {
            return DeliveryResult.rejected(null, e.getMessage()); // configuration or message: a retry cannot help
        } catch (MailSendException e) {
            boolean addressesRejected = e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
            return addressesRejected ? DeliveryResult.rejected(null, e.getMessage()) : DeliveryResult.retryable(null, e.getMessage());
        } catch (MailException e) {
            return DeliveryResult.retryable(null, e.getMessage());
        }
    }
}
