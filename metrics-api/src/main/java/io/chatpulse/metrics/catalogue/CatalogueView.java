package io.chatpulse.metrics.catalogue;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.TopicCatalogueVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A tenant's catalogue as the API answers it: the newest version on the catalogue topic. */
@Schema(description = "The tenant's topic catalogue, newest version")
public record CatalogueView(
        String tenantId,
        @Schema(description = "0 while the tenant has saved none (the KPI job then uses its file's topics, if any); "
                + "one more for every change. The ETag, and what If-Match must name to change it") long version,
        List<TopicEntry> topics,
        @Schema(description = "when the version was saved; null for version 0") String changedAt,
        @Schema(description = "who saved it; null for version 0") String changedBy) {

    static CatalogueView none(String tenant) {
        return new CatalogueView(tenant, 0, List.of(), null, null);
    }

    static CatalogueView of(TopicCatalogueVersion version) {
        List<TopicEntry> topics = version.getTopics().stream()
                .map(t -> new TopicEntry(t.getName(), List.copyOf(t.getPhrases()), List.copyOf(t.getPatterns())))
                .toList();
        return new CatalogueView(version.getTenantId(), version.getVersion(), topics,
                Instant.ofEpochMilli(version.getChangedAt()).toString(), version.getChangedBy());
    }

    /** The record of the version after this one, with these topics. */
    TopicCatalogueVersion next(List<TopicEntry> newTopics, Instant at, String by) {
        return TopicCatalogueVersion.newBuilder()
                .setTenantId(tenantId)
                .setVersion(version + 1)
                .setTopics(newTopics.stream().map(t -> CatalogueTopic.newBuilder().setName(t.name())
                        .setPhrases(List.copyOf(t.phrases())).setPatterns(List.copyOf(t.patterns())).build()).toList())
                .setChangedAt(at.toEpochMilli())
                .setChangedBy(by)
                .build();
    }
}
