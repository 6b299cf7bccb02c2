package io.chatpulse.chatcore.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxMessageLength longest message text accepted, in characters
 * @param maxAttachmentBytes largest attachment a message may reference
 * @param retention how long a resolved or abandoned conversation stays readable (and can be
 *     rated or reopened) before it is dropped from memory
 */
@ConfigurationProperties("chatpulse.conversation")
public record ConversationProperties(Integer maxMessageLength, Long maxAttachmentBytes, Duration retention) {
    public ConversationProperties {
        maxMessageLength = maxMessageLength == null ? 4000 : maxMessageLength;
        maxAttachmentBytes = maxAttachmentBytes == null ? 10L * 1024 * 1024 : maxAttachmentBytes;
        retention = retention == null ? Duration.ofHours(24) : retention;
    }
}
