package io.chatpulse.chatcore.conversation;

import io.chatpulse.chatcore.conversation.ConversationRequests.ApiContentType;
import io.chatpulse.chatcore.web.InvalidFieldException;
import io.chatpulse.events.ContentType;
import java.net.URI;

/** Checks a posted message against its content type and the configured limits. */
final class MessageRules {

    private MessageRules() {
    }

    static MessageContent content(ConversationRequests.PostMessage request, ConversationProperties limits) {
        ApiContentType type = request.contentType() == null ? ApiContentType.TEXT : request.contentType();
        String text = request.text();
        if (text != null && text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw new InvalidFieldException("text", "must be at most " + limits.maxMessageLength() + " characters");
        }
        if (type == ApiContentType.TEXT) {
            if (text == null || text.isBlank()) {
                throw new InvalidFieldException("text", "must not be blank");
            }
            if (request.attachmentUrl() != null) {
                throw new InvalidFieldException("attachmentUrl", "only IMAGE and FILE messages have an attachment");
            }
            return MessageContent.text(text);
        }
        requireHttpUrl(request.attachmentUrl());
        if (request.sizeBytes() == null) {
            throw new InvalidFieldException("sizeBytes", "is required for " + type + " messages");
        }
        if (request.sizeBytes() > limits.maxAttachmentBytes()) {
            throw new InvalidFieldException("sizeBytes", "must be at most " + limits.maxAttachmentBytes() + " bytes");
        }
        return MessageContent.attachment(ContentType.valueOf(type.name()), text == null || text.isBlank() ? null : text,
                request.attachmentUrl(), Math.toIntExact(request.sizeBytes()));
    }

    private static void requireHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("attachmentUrl", "is required for IMAGE and FILE messages");
        }
        try {
            URI uri = URI.create(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new InvalidFieldException("attachmentUrl", "must be an absolute http or https URL");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("attachmentUrl", "must be an absolute http or https URL");
        }
    }
}
