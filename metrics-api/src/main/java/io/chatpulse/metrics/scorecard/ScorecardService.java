package io.chatpulse.metrics.scorecard;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.tenantdoc.Versions;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A tenant's QA scorecard: read, replaced whole or emptied. Every change names the version it changes
 * (If-Match), is checked by the scorecard rules the KPI job applies ({@link Scorecard#validateChecks}),
 * and is saved as the next version on the scorecard topic, which the running KPI job applies to the
 * conversations that end after it (decision 41).
 */
@Service
class ScorecardService {

    /** The field the scorecard rules name in an error: {@code checks[2].weight}. */
    static final String FIELD = "checks";
    private static final String CHANGED_BY = "admin API";

    private final ScorecardLog log;
    private final Clock clock;

    ScorecardService(ScorecardLog log) {
        this.log = log;
        this.clock = Clock.systemUTC();
    }

    ScorecardView get(Tenant tenant) {
        return log.newest(tenant.id()).map(ScorecardView::of).orElseGet(() -> ScorecardView.none(tenant.id()));
    }

    ScorecardView replace(Tenant tenant, String ifMatch, ScorecardRequest body) {
        long expected = version(ifMatch);
        List<QaCheck> checks = body == null ? null : body.checks();
        // Refused before Kafka is asked: the rules need nothing but the request.
        Scorecard.validateChecks(FIELD, checks);
        return change(tenant, expected, checks);
    }

    /** Saves a version with no checks: the KPI job stops scoring the tenant's conversations. */
    ScorecardView clear(Tenant tenant, String ifMatch) {
        return change(tenant, version(ifMatch), List.of());
    }

    private ScorecardView change(Tenant tenant, long expected, List<QaCheck> checks) {
        QaScorecardVersion saved = log.change(tenant.id(), expected, held -> {
            ScorecardView current = held == null ? ScorecardView.none(tenant.id()) : ScorecardView.of(held);
            return current.next(checks, clock.instant(), CHANGED_BY);
        });
        return ScorecardView.of(saved);
    }

    private static long version(String ifMatch) {
        return Versions.ifMatch(ScorecardLog.DOCUMENT, ifMatch);
    }
}
