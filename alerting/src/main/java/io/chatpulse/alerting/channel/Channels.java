package io.chatpulse.alerting.channel;

import io.chatpulse.alerting.AlertingProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The configured channels by name. */
@Component
public class Channels {

    private final Map<String, Channel> byName = new HashMap<>();

    public Channels(AlertingProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        JsonPoster poster = new JsonPoster(properties.delivery().connectTimeout(), properties.delivery().requestTimeout());
        properties.channels().forEach((name, settings) -> byName.put(name, create(name, settings, poster, mailSender)));
    }

    /** The configured channel names, sorted. */
    public java.util.SortedSet<String> names() {
        return new java.util.TreeSet<>(byName.keySet());
    }

    public Optional<Channel> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Channel create(String name, ChannelSettings settings, JsonPoster poster, ObjectProvider<JavaMailSender> mail) {
        String prefix = "chatpulse.alerting.channels." + name;
        return switch (settings.type()) {
            case WEBHOOK -> new WebhookChannel(require(settings.url(), prefix + ".url"), poster);
            case SLACK -> new SlackChannel(require(settings.url(), prefix + ".url"), poster);
            case PAGERDUTY -> new PagerDutyChannel(require(settings.url(), prefix + ".url"),
                    require(settings.routingKey(), prefix + ".routing-key"), settings.source(), poster);
            case EMAIL -> {
                if (settings.to().isEmpty()) {
                    throw new IllegalArgumentException(prefix + ".to needs at least one recipient");
                }
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    throw new IllegalArgumentException(prefix + " is an e-mail channel but spring.mail.host is not set");
                }
                yield new EmailChannel(sender, settings.from(), settings.to());
            }
            case LOG -> new LogChannel(require(settings.path(), prefix + ".path"));
        };
    }

    private static <T> T require(T value, String property) {
        if (value == null) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }
}
