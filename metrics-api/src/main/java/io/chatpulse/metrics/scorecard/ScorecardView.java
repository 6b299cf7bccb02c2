package io.chatpulse.metrics.scorecard;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.ScorecardCheck;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A tenant's QA scorecard as the API answers it: the newest version on the scorecard topic. */
@Schema(description = "The tenant's QA scorecard, newest version")
public record ScorecardView(
        String tenantId,
        @Schema(description = "0 while the tenant has saved none (the KPI job then uses its file's scorecard, if "
                + "any); one more for every change, stored with every score it gives. The ETag, and what If-Match "
                + "must name to change it") long version,
        @Schema(description = "empty: the tenant's conversations are not scored") List<QaCheck> checks,
        @Schema(description = "when the version was saved; null for version 0") String changedAt,
        @Schema(description = "who saved it; null for version 0") String changedBy) {

    static ScorecardView none(String tenant) {
        return new ScorecardView(tenant, 0, List.of(), null, null);
    }

    static ScorecardView of(QaScorecardVersion version) {
        List<QaCheck> checks = version.getChecks().stream()
                .map(c -> new QaCheck(c.getCheck(), c.getWeight(), List.copyOf(c.getPhrases()), c.getTargetSeconds(),
                        c.getMax()))
                .toList();
        return new ScorecardView(version.getTenantId(), version.getVersion(), checks,
                Instant.ofEpochMilli(version.getChangedAt()).toString(), version.getChangedBy());
    }

    /** The record of the version after this one, with these checks. */
    QaScorecardVersion next(List<QaCheck> newChecks, Instant at, String by) {
        return QaScorecardVersion.newBuilder()
                .setTenantId(tenantId)
                .setVersion(version + 1)
                .setChecks(newChecks.stream().map(c -> ScorecardCheck.newBuilder().setCheck(c.check())
                        .setWeight(c.weight()).setPhrases(List.copyOf(c.phrases())).setTargetSeconds(c.targetSeconds())
                        .setMax(c.max()).build()).toList())
                .setChangedAt(at.toEpochMilli())
                .setChangedBy(by)
                .build();
    }
}
