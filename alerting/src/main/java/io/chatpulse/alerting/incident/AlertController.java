package io.chatpulse.alerting.incident;

import io.chatpulse.alerting.ApiProblem;
import io.chatpulse.alerting.owner.ReadsTenantStore;
import io.chatpulse.alerting.tenancy.Tenant;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertCommandType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's incidents, and their acknowledgement. */
@RestController
class AlertController {

    private final Incidents incidents;
    private final AlertCommands commands;

    AlertController(Incidents incidents, AlertCommands commands) {
        this.incidents = incidents;
        this.commands = commands;
    }

    record IncidentView(String tenant, String rule, String scope, String dedupKey, IncidentStatus status,
            String startedAt, boolean acknowledged, int pages, String lastPagedAt, String resolvedAt,
            double value, double threshold, String summary, String dashboardUrl) {

        static IncidentView of(Incident i) {
            return new IncidentView(i.tenant(), i.rule(), i.scope(), i.dedupKey(), i.status(), time(i.startedAt()),
                    i.acknowledged(), i.pages(), time(i.lastPagedAt()), time(i.resolvedAt()),
                    i.value(), i.threshold(), i.summary(), i.dashboardUrl());
        }

        private static String time(long millis) {
            return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
        }
    }

    record IncidentList(List<IncidentView> alerts) {
    }

    record Accepted(String commandId, AlertCommandType type, String tenant, String rule, String scope) {
    }

    @ReadsTenantStore(IncidentTopology.INCIDENT_STORE)
    @GetMapping("/api/v1/alerts")
    IncidentList list(HttpServletRequest request) {
        String tenant = Tenant.of(request).id();
        return new IncidentList(incidents.of(tenant).orElseThrow(ApiProblem::notReady).stream().map(IncidentView::of).toList());
    }

    /** Accepted (202): the lifecycle applies it from the command topic; repeats stop, receivers hear "acknowledged". */
    @ReadsTenantStore(IncidentTopology.INCIDENT_STORE)
    @PostMapping("/api/v1/alerts/{tenant}/{rule}/{scope}/acknowledge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted acknowledge(@PathVariable String tenant, @PathVariable String rule, @PathVariable String scope,
            HttpServletRequest request) {
        // Another tenant's incident reads as absent: its existence is not the caller's business.
        boolean firing = Tenant.of(request).id().equals(tenant)
                && incidents.get(tenant, rule, scope).orElseThrow(ApiProblem::notReady).filter(Incident::isFiring).isPresent();
        if (!firing) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "scope",
                    "no firing alert " + rule + " on " + scope + " for tenant " + tenant);
        }
        AlertCommand command = AlertCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).setTenantId(tenant).setType(AlertCommandType.ACKNOWLEDGE)
                .setRule(rule).setScope(scope).setIssuedAt(System.currentTimeMillis()).build();
        commands.send(command);
        return new Accepted(command.getCommandId(), command.getType(), tenant, rule, scope);
    }
}
