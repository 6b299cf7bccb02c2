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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The live view of a tenant's queues: the monitor's latest rows, today's service level, open alerts. */
@Service
public class LiveService {

    private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    /** Computes the shared live views in the background; daemon threads, so they never hold the JVM. */
    private static final Executor REFRESHER = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "live-view-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final LiveRepository repository;
    private final LiveProperties properties;
    private final ReportProperties reports;
    private final Clock clock;
    private final RecentViews<String, LiveQueues> recent;

    LiveService(LiveRepository repository, LiveProperties properties, ReportProperties reports) {
        this.repository = repository;
        this.properties = properties;
        this.reports = reports;
        this.clock = Clock.systemUTC();
        this.recent = new RecentViews<>(properties.shareFor(), System::nanoTime, REFRESHER);
    }

    /**
     * The view of a request: shared with the other callers of the last {@code share-for} (see
     * {@link RecentViews}: an older one is answered while the next is computed).
     * {@code timezone} (IANA) overrides the queues' own for "today"; null or blank keeps theirs.
     */
    public LiveQueues queues(Tenant tenant, String timezone, boolean idleToo) {
        ZoneId requested = zone(timezone);
        LiveQueues every = recent.get(tenant.id() + "|" + (requested == null ? "" : requested.getId()),
                () -> queuesNow(tenant, requested));
        return idleToo ? every : onWallboard(tenant, every);
    }

    /** The wallboard's view as of now, for the stream (which computes it once a tick for all its subscribers). */
    public LiveQueues queuesNow(Tenant tenant, String timezone) {
        return onWallboard(tenant, queuesNow(tenant, zone(timezone)));
    }

    /** Without the queues only the history knows ({@link WallboardQueues}). */
    private LiveQueues onWallboard(Tenant tenant, LiveQueues every) {
        return new LiveQueues(every.asOf(), every.oldestWaitWarningSeconds(),
                WallboardQueues.shown(every.queues(), properties.configuredQueues(tenant.id())), every.alerts());
    }

    private LiveQueues queuesNow(Tenant tenant, ZoneId requested) {
        Instant now = clock.instant();
        List<OpenAlert> alerts = repository.openAlerts(tenant.id());
        Map<String, Long> alertsPerQueue = alerts.stream().filter(a -> a.queueId() != null)
                .collect(Collectors.groupingBy(OpenAlert::queueId, Collectors.counting()));
        List<LiveRepository.QueueRow> rows = repository.queues(tenant.id());
        Map<ZoneId, List<LiveRepository.QueueRow>> byZone = rows.stream().collect(Collectors.groupingBy(
                row -> requested != null ? requested : ZoneId.of(properties.timezoneOf(tenant.id(), row.queueId()))));
        Map<String, LiveQueues.Queue> queues = new TreeMap<>();
        byZone.forEach((zone, inZone) -> {
            Today today = today(tenant, now, zone);
            for (LiveRepository.QueueRow row : inZone) {
                queues.put(row.queueId(), queue(row, now, today, alertsPerQueue.getOrDefault(row.queueId(), 0L)));
            }
        });
        return new LiveQueues(Timestamps.iso(now), properties.oldestWaitWarning().toSeconds(),
                WallboardQueues.all(new ArrayList<>(queues.values())), alerts);
    }

    /** Today so far in one timezone, and the service level of every queue of the tenant over it. */
    private record Today(ZoneId zone, Instant from, Instant to, Map<String, LiveRepository.ServiceRow> services) {
    }

    public LiveAlerts alerts(Tenant tenant) {
        return new LiveAlerts(Timestamps.iso(clock.instant()), repository.openAlerts(tenant.id()));
    }

    private LiveQueues.Queue queue(LiveRepository.QueueRow row, Instant now, Today today, long openAlerts) {
        boolean stale = now.toEpochMilli() - row.asOfMs() > properties.staleAfter().toMillis();
        return new LiveQueues.Queue(row.queueId(), Timestamps.iso(row.asOfMs()), stale, row.queueLength(),
                oldestWaitMs(row, now, stale) / 1000.0,
                row.queueLength() > 0 && row.oldestQueuedAtMs() != null ? Timestamps.iso(row.oldestQueuedAtMs()) : null,
                new LiveQueues.Agents(row.agentsOnline(), row.agentsAvailable(), row.agentsBusy()),
                serviceLevel(today, row.queueId()), openAlerts, forecast(row));
    }

    private static LiveQueues.Forecast forecast(LiveRepository.QueueRow row) {
        LiveRepository.ForecastRow f = row.forecast();
        if (f == null) {
            return null;
        }
        return new LiveQueues.Forecast(f.model(), f.unbounded(), f.arrivalsPerHour(), f.handleTimeS(), f.patienceS(),
                f.slots(), f.waitProbability(), f.averageSpeedOfAnswerS(), f.serviceLevel(), f.serviceLevelTarget(),
                f.serviceLevelTimeS(), f.waitOverThresholdProbability(),
                f.oldestAnswerExpectedAtMs() == null ? null : Timestamps.iso(f.oldestAnswerExpectedAtMs()),
                new LiveQueues.Staffing(f.agentsNeeded(), row.agentsOnline(), f.agentsNeeded() - row.agentsOnline()));
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

    private Today today(Tenant tenant, Instant now, ZoneId zone) {
        Instant from = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        // [start of today, now]: to is exclusive, so one millisecond past now.
        Instant to = now.plusMillis(1);
        return new Today(zone, from, to, repository.services(tenant.id(), from, to, zone.getId(),
                reports.answerWithin(), reports.shortAbandon()));
    }

    private LiveQueues.ServiceLevel serviceLevel(Today today, String queue) {
        LiveRepository.ServiceRow row = today.services().getOrDefault(queue, LiveRepository.ServiceRow.NONE);
        return new LiveQueues.ServiceLevel(today.zone().getId(), Timestamps.iso(today.from()),
                Timestamps.iso(today.to()), reports.answerWithin().toSeconds(), row.answered(), row.answeredWithin(),
                row.abandoned(), row.serviceLevel());
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (!IANA_ZONES.contains(id)) {
            throw new InvalidParameterException("timezone", "is not an IANA timezone such as Europe/Berlin or UTC: '" + value + "'");
        }
        return ZoneId.of(id);
    }
}
