package io.chatpulse.chatcore.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the conversation API. */
public final class ConversationRequests {

    private ConversationRequests() {
    }

    public enum ApiChannel { WEB, APP, SOCIAL, API }

    public enum ApiSender { CUSTOMER, AGENT, BOT }

    public enum ApiAbandonReason { CUSTOMER_LEFT, TIMED_OUT }

    public enum ApiReopener { CUSTOMER, AGENT }

    /** queueId may be left out only when botFirst is true (a bot answers before any queue). */
    public record Open(
            @Size(max = 100) String queueId,
            @NotNull ApiChannel channel,
            @NotBlank @Size(max = 200) String customerId,
            Boolean botFirst) {
    }

    public enum ApiContentType { TEXT, IMAGE, FILE }

    /**
     * contentType defaults to TEXT, which needs text; IMAGE and FILE need attachmentUrl and
     * sizeBytes (the file itself is stored elsewhere), text is then an optional caption.
     */
    public record PostMessage(@NotNull ApiSender sender, @Size(max = 100) String agentId, String text,
            ApiContentType contentType, @Size(max = 2000) String attachmentUrl, @Min(1) Long sizeBytes) {
    }

    public record Assign(@NotBlank @Size(max = 100) String agentId) {
    }

    public record Csat(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    /** Exactly one of the two. */
    public record Transfer(@Size(max = 100) String toAgentId, @Size(max = 100) String toQueueId) {
    }

    public record Reopen(ApiReopener reopenedBy, @Size(max = 100) String agentId) {
    }

    public record Abandon(ApiAbandonReason reason) {
    }

    public record Handoff(@NotBlank @Size(max = 100) String queueId) {
    }

    public record MessagePosted(String messageId) {
    }

    public record CsatRecorded(String conversationId, int rating, String creditedAgentId) {
    }
}
