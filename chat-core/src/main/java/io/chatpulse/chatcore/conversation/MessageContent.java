package io.chatpulse.chatcore.conversation;

import io.chatpulse.events.ContentType;
import java.nio.charset.StandardCharsets;

/**
 * What a message carries: text, or an image or file by reference (the bytes live elsewhere,
 * only the URL and size travel through chat-core and Kafka).
 */
public record MessageContent(ContentType type, String text, String attachmentUrl, int sizeBytes) {

    public static MessageContent text(String text) {
        return new MessageContent(ContentType.TEXT, text, null, text.getBytes(StandardCharsets.UTF_8).length);
    }

    public static MessageContent attachment(ContentType type, String text, String url, int sizeBytes) {
        return new MessageContent(type, text, url, sizeBytes);
    }
}
