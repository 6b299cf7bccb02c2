package io.chatpulse.metrics.live;

import io.chatpulse.metrics.api.ProblemResponses;
import io.chatpulse.metrics.problem.InvalidParameterException;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.security.ApiKeyQueryParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@ProblemResponses
@Tag(name = "Live", description = "Queue state right now, open alerts, and a stream of both for the wallboard")
class LiveController {

    private static final String TIMEZONE = "IANA timezone 'today' is cut in for the service level; "
            + "default the queue's own (chatpulse.live.queue-timezones), else chatpulse.live.timezone (UTC)";

    private final LiveService service;
    private final LiveStream stream;

    LiveController(LiveService service, LiveStream stream) {
        this.service = service;
        this.stream = stream;
    }

    @GetMapping("/api/v1/live/queues")
    @Operation(summary = "Live state of every queue",
            description = "The queues configured (chatpulse.live.queue-timezones) or active today (someone waiting, "
                    + "an open alert, a customer answered or abandoned today), most urgent first: longest oldest "
                    + "wait, then most waiting, then id. Per queue: length, oldest wait (now minus when the longest-waiting conversation was queued), "
                    + "agents online/available/busy from the queue monitor's latest row (V020 queue_live_now), today's "
                    + "service level from the report view (equal to /api/v1/kpis/summary for that day and queue), and "
                    + "the count of open alerts; plus the open alerts. Role: supervisor.")
    LiveQueues queues(Tenant tenant, @Parameter(description = TIMEZONE) @RequestParam(required = false) String timezone,
                      @Parameter(description = "true: also the queues neither configured nor active today (only the "
                              + "history knows them, e.g. after an import)")
                      @RequestParam(required = false) String all) {
        return service.queues(tenant, timezone, flag("all", all));
    }

    /** Absent or "false": false; "true": true; anything else is a 400 naming the parameter. */
    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameterException(name, "is true or false, not '" + value + "'");
    }

    @GetMapping("/api/v1/live/alerts")
    @Operation(summary = "Open alerts",
            description = "Alerts whose latest state change in alert_history is FIRING and was live (replay = false). "
                    + "Role: supervisor.")
    LiveAlerts alerts(Tenant tenant) {
        return service.alerts(tenant);
    }

    @GetMapping("/api/v1/live/stream")
    @Operation(summary = "Server-sent events of the live queue state",
            description = "text/event-stream: an event named 'queues' with the JSON of GET /api/v1/live/queues at once "
                    + "and then every second (chatpulse.live.stream-interval). Because a browser's EventSource cannot "
                    + "send headers, this endpoint alone also accepts the key as the query parameter apiKey when the "
                    + "X-Api-Key header is absent (it may then appear in access logs: use a supervisor key). "
                    + "Role: supervisor.")
    SseEmitter stream(Tenant tenant, @Parameter(description = TIMEZONE) @RequestParam(required = false) String timezone,
                      @Parameter(description = "the API key, when the X-Api-Key header cannot be sent")
                      @RequestParam(name = ApiKeyQueryParameter.NAME, required = false) String apiKey) throws IOException {
        return stream.subscribe(tenant, timezone);
    }
}
