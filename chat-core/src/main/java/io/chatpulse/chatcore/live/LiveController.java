package io.chatpulse.chatcore.live;

import io.chatpulse.chatcore.conversation.ConversationService;
import io.chatpulse.chatcore.tenant.Tenant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
public class LiveController {

    private final LiveFeed feed;
    private final ConversationService conversations;

    public LiveController(LiveFeed feed, ConversationService conversations) {
        this.feed = feed;
        this.conversations = conversations;
    }

    /** 404 for an unknown conversation or another tenant's, like GET of the conversation. */
    @GetMapping(path = "/api/v1/conversations/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter conversation(Tenant tenant, @PathVariable String id) {
        conversations.get(tenant.id(), id);
        return feed.conversation(tenant.id(), id);
    }

    /** Any agent id: an agent may subscribe before reporting a status. */
    @GetMapping(path = "/api/v1/agents/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter agent(Tenant tenant, @PathVariable String id) {
        return feed.agent(tenant.id(), id);
    }
}
