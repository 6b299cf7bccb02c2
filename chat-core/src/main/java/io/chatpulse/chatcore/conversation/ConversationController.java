package io.chatpulse.chatcore.conversation;

import io.chatpulse.chatcore.tenant.Tenant;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
public class ConversationController {

    private final ConversationService service;

    public ConversationController(ConversationService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ConversationView> open(Tenant tenant, @Valid @RequestBody ConversationRequests.Open request) {
        ConversationView opened = service.open(tenant.id(), request);
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + opened.conversationId())).body(opened);
    }

    @GetMapping("/{id}")
    ConversationView get(Tenant tenant, @PathVariable String id) {
        return service.get(tenant.id(), id);
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationRequests.MessagePosted postMessage(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody ConversationRequests.PostMessage request) {
        return new ConversationRequests.MessagePosted(service.postMessage(tenant.id(), id, request));
    }

    @PostMapping("/{id}/assignment")
    ConversationView assign(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody ConversationRequests.Assign request) {
        return service.assign(tenant.id(), id, request.agentId());
    }

    @PostMapping("/{id}/resolution")
    ConversationView resolve(Tenant tenant, @PathVariable String id) {
        return service.resolve(tenant.id(), id);
    }

    @PostMapping("/{id}/csat")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationRequests.CsatRecorded csat(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody ConversationRequests.Csat request) {
        Conversation rated = service.submitCsat(tenant.id(), id, request.rating(), request.comment());
        return new ConversationRequests.CsatRecorded(rated.id(), rated.csatRating(), rated.creditedAgentId());
    }

    @PostMapping("/{id}/transfer")
    ConversationView transfer(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody ConversationRequests.Transfer request) {
        return service.transfer(tenant.id(), id, request);
    }

    @PostMapping("/{id}/reopen")
    ConversationView reopen(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody(required = false) ConversationRequests.Reopen request) {
        return service.reopen(tenant.id(), id,
                request == null ? new ConversationRequests.Reopen(null, null) : request);
    }

    @PostMapping("/{id}/abandonment")
    ConversationView abandon(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody(required = false) ConversationRequests.Abandon request) {
        return service.abandon(tenant.id(), id, request == null ? new ConversationRequests.Abandon(null) : request);
    }

    @PostMapping("/{id}/handoff")
    ConversationView handOff(Tenant tenant, @PathVariable String id,
            @Valid @RequestBody ConversationRequests.Handoff request) {
        return service.handOff(tenant.id(), id, request.queueId());
    }
}
