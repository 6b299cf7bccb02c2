package io.chatpulse.alerting.silence;

import io.chatpulse.alerting.ApiProblem;
import io.chatpulse.alerting.incident.AlertCommands;
import io.chatpulse.alerting.incident.IncidentTopology;
import io.chatpulse.alerting.owner.ReadsTenantStore;
import io.chatpulse.alerting.tenancy.Tenant;
import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertCommandType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Silences of the caller's tenant: created and expired through the command topic, listed from the store. */
@RestController
class SilenceController {

    private final Silences silences;
    private final AlertCommands commands;

    SilenceController(Silences silences, AlertCommands commands) {
        this.silences = silences;
        this.commands = commands;
    }

    /** A null rule or scope matches every rule or scope; endsAt is an ISO-8601 instant in the future. */
    record SilenceRequest(String rule, String scope, String endsAt, String comment) {
    }

    record SilenceView(String id, String rule, String scope, String createdAt, String endsAt, boolean active, String comment) {
        static SilenceView of(Silence s, long now) {
            return new SilenceView(s.id(), s.rule(), s.scope(), Instant.ofEpochMilli(s.createdAt()).toString(),
                    Instant.ofEpochMilli(s.endsAt()).toString(), s.isActive(now), s.comment());
        }
    }

    record SilenceList(List<SilenceView> silences) {
    }

    @PostMapping("/api/v1/silences")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SilenceView create(@RequestBody SilenceRequest body, HttpServletRequest request) {
        String tenant = Tenant.of(request).id();
        long now = System.currentTimeMillis();
        long endsAt = endsAt(body, now);
        AlertCommand command = AlertCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).setTenantId(tenant).setType(AlertCommandType.SILENCE)
                .setSilenceId(UUID.randomUUID().toString()).setRule(blankToNull(body.rule())).setScope(blankToNull(body.scope()))
                .setEndsAt(endsAt).setComment(body.comment()).setIssuedAt(now).build();
        commands.send(command);
        return SilenceView.of(new Silence(command.getSilenceId(), tenant, command.getRule(), command.getScope(), now, endsAt,
                command.getComment()), now);
    }

    @ReadsTenantStore(IncidentTopology.SILENCE_STORE)
    @GetMapping("/api/v1/silences")
    SilenceList list(HttpServletRequest request) {
        long now = System.currentTimeMillis();
        return new SilenceList(silences.of(Tenant.of(request).id()).orElseThrow(ApiProblem::notReady)
                .stream().map(s -> SilenceView.of(s, now)).toList());
    }

    @ReadsTenantStore(IncidentTopology.SILENCE_STORE)
    @DeleteMapping("/api/v1/silences/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void expire(@PathVariable String id, HttpServletRequest request) {
        String tenant = Tenant.of(request).id();
        boolean known = silences.of(tenant).orElseThrow(ApiProblem::notReady).stream().anyMatch(s -> s.id().equals(id));
        if (!known) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "id", "no silence " + id + " for tenant " + tenant);
        }
        commands.send(AlertCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).setTenantId(tenant).setType(AlertCommandType.EXPIRE_SILENCE)
                .setSilenceId(id).setIssuedAt(System.currentTimeMillis()).build());
    }

    private static long endsAt(SilenceRequest body, long now) {
        if (body.endsAt() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "endsAt", "endsAt is required (ISO-8601 instant, e.g. 2026-11-23T18:00:00Z)");
        }
        try {
            long endsAt = Instant.parse(body.endsAt()).toEpochMilli();
            if (endsAt <= now) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "endsAt", "endsAt must be in the future");
            }
            return endsAt;
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "endsAt", "endsAt is not an ISO-8601 instant: " + body.endsAt());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
