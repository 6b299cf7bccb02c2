package io.chatpulse.chatcore.agent;

import io.chatpulse.chatcore.tenant.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
public class AgentController {

    public enum ApiAgentStatus { ONLINE, AWAY, OFFLINE }

    /** capacity defaults to 5, skills (queue ids the agent serves; none: any queue) to none. */
    public record StatusRequest(@NotNull ApiAgentStatus status, @Min(1) @Max(100) Integer capacity,
            @Size(max = 50) List<@Size(min = 1, max = 100) String> skills) {
    }

    private final AgentService service;

    public AgentController(AgentService service) {
        this.service = service;
    }

    @PutMapping("/{id}/status")
    AgentView changeStatus(Tenant tenant, @PathVariable String id, @Valid @RequestBody StatusRequest request) {
        return service.changeStatus(tenant.id(), id, request);
    }

    @GetMapping("/{id}")
    AgentView get(Tenant tenant, @PathVariable String id) {
        return service.get(tenant.id(), id);
    }
}
