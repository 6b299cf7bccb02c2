package io.chatpulse.metrics.live;

import io.chatpulse.metrics.problem.InvalidParameterException;
import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The live view of a tenant's queues: the monitor's latest rows, today's service level, open alerts. */
@Service
public class LiveService {

    private final LiveRepository repository;
    private final LiveProperties properties;
    private final ReportProperties reports;
    private final Clock clock;

    LiveService(LiveRepository repository, LiveProperties properties, ReportProperties reports) {
        this.repository = repository;
        this.properties = properties;
        this.reports = reports;
        this.clock = Clock.systemUTC();
    }

    /** {@code timezone} (IANA) overrides the queues' own for "today"; null or blank keeps theirs. */
    public LiveQueues queues(Tenant tenant, String timezone) {
        ZoneId requested = zone(timezone);
        Instant now = clock.instant();
        List<OpenAlert> alerts = repository.openAlerts(tenant.id());
        Map<String, Long> alertsPerQueue = alerts.stream().filter(a -> a.queueId() != null)
                .collect(Collectors.groupingBy(OpenAlert::queueId, Collectors.counting()));
        List<LiveQueues.Queue> queues = new ArrayList<>();
        for (LiveRepository.QueueRow row : repository.queues(tenant.id())) {
            ZoneId zone = requested != null ? requested : ZoneId.of(properties.timezoneOf(tenant.id(), row.queueId()));
            queues.add(queue(tenant, row, now, zone, alertsPerQueue.getOrDefault(row.queueId(), 0L)));
        }
        return new LiveQueues(Timestamps.iso(now), properties.oldestWaitWarning().toSeconds(), queues, alerts);
    }

    public LiveAlerts alerts(Tenant tenant) {
        return new LiveAlerts(Timestamps.iso(clock.instant()), repository.openAlerts(tenant.id()));
    }

    private LiveQueues.Queue queue(Tenant tenant, LiveRepository.QueueRow row, Instant now, ZoneId zone, long openAlerts) {
        boolean stale = now.toEpochMilli() - row.asOfMs() > properties.staleAfter().toMillis();
        return new LiveQueues.Queue(row.queueId(), Timestamps.iso(row.asOfMs()), stale, row.queueLength(),
                oldestWaitMs(row, now, stale) / 1000.0,
                row.queueLength() > 0 && row.oldestQueuedAtMs() != null ? Timestamps.iso(row.oldestQueuedAtMs()) : null,
                new LiveQueues.Agents(row.agentsOnline(), row.agentsAvailable(), row.agentsBusy()),
                serviceToday(tenant, row.queueId(), now, zone), openAlerts);
    }

    /**
     * The stored figure is the age at the row's event time; the wait keeps growing until the next
     * row (one a second), so it is measured against now from when the conversation was queued, never
     * less than stored (a clock behind the monitor's would otherwise shrink it). A stale row says
     * nothing about now (the customer may have been answered since): its stored figure is shown,
     * flagged stale.
     */
    static long oldestWaitMs(LiveRepository.QueueRow row, Instant now, boolean stale) {
        if (row.queueLength() == 0 || row.oldestQueuedAtMs() == null) {
            return 0;
        }
        if (stale) {
            return row.oldestWaitMs();
        }
        return Math.max(row.oldestWaitMs(), now.toEpochMilli() - row.oldestQueuedAtMs());
    }

    private LiveQueues.ServiceLevel serviceToday(Tenant tenant, String queue, Instant now, ZoneId zone) {
        Instant from = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        // [start of today, now]: to is exclusive, so one millisecond past now.
        Instant to = now.plusMillis(1);
        LiveRepository.ServiceRow row = repository.service(tenant.id(), queue, from, to, zone.getId(),
                reports.answerWithin(), reports.shortAbandon());
        return new LiveQueues.ServiceLevel(zone.getId(), Timestamps.iso(from), Timestamps.iso(to),
                reports.answerWithin().toSeconds(), row.answered(), row.answeredWithin(), row.abandoned(),
                row.serviceLevel());
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidParameterException("timezone", "is not an IANA timezone such as Europe/Berlin or UTC: '" + value + "'");
        }
        return ZoneId.of(id);
    }
}
