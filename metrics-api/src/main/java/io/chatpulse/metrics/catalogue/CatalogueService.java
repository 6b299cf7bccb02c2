package io.chatpulse.metrics.catalogue;

import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.metrics.problem.NotFoundException;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.tenantdoc.Versions;
import io.chatpulse.topiccatalogue.CatalogueRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * A tenant's topic catalogue: read, replaced whole, emptied, or changed one topic at a time. Every
 * change names the version it changes (If-Match), is checked by the catalogue rules the KPI job
 * applies (with the configured limits), and is saved as the next version on the catalogue topic.
 */
@Service
class CatalogueService {

    /** The field the catalogue rules name in an error: {@code topics[2].patterns[0]}. */
    static final String FIELD = "topics";
    private static final String CHANGED_BY = "admin API";

    private final CatalogueLog log;
    private final CatalogueProperties properties;
    private final Clock clock;

    CatalogueService(CatalogueLog log, CatalogueProperties properties) {
        this.log = log;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    CatalogueView get(Tenant tenant) {
        return log.newest(tenant.id()).map(CatalogueView::of).orElseGet(() -> CatalogueView.none(tenant.id()));
    }

    TopicEntry topic(Tenant tenant, String name) {
        return get(tenant).topics().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no topic '" + name + "' in the catalogue"));
    }

    CatalogueView replace(Tenant tenant, String ifMatch, CatalogueRequest body) {
        long expected = version(ifMatch);
        List<TopicEntry> topics = body == null ? null : body.topics();
        // Refused before Kafka is asked: the rules need nothing but the request.
        CatalogueRules.validate(FIELD, topics, properties.limits());
        return change(tenant, expected, current -> topics);
    }

    CatalogueView clear(Tenant tenant, String ifMatch) {
        return change(tenant, version(ifMatch), current -> List.of());
    }

    /** Replaces the named topic in its place, or adds it last. */
    CatalogueView putTopic(Tenant tenant, String ifMatch, String name, PhrasesRequest body) {
        TopicEntry topic = new TopicEntry(name, body == null ? null : body.phrases(), body == null ? null : body.patterns());
        return change(tenant, version(ifMatch), current -> {
            List<TopicEntry> topics = new ArrayList<>(current);
            int at = indexOf(topics, name);
            if (at < 0) {
                topics.add(topic);
            } else {
                topics.set(at, topic);
            }
            return topics;
        });
    }

    CatalogueView deleteTopic(Tenant tenant, String ifMatch, String name) {
        return change(tenant, version(ifMatch), current -> {
            List<TopicEntry> topics = new ArrayList<>(current);
            int at = indexOf(topics, name);
            if (at < 0) {
                throw new NotFoundException("no topic '" + name + "' in the catalogue");
            }
            topics.remove(at);
            return topics;
        });
    }

    private CatalogueView change(Tenant tenant, long expected, UnaryOperator<List<TopicEntry>> edit) {
        TopicCatalogueVersion saved = log.change(tenant.id(), expected, held -> {
            CatalogueView current = held == null ? CatalogueView.none(tenant.id()) : CatalogueView.of(held);
            List<TopicEntry> topics = edit.apply(current.topics());
            CatalogueRules.validate(FIELD, topics, properties.limits());
            return current.next(topics, clock.instant(), CHANGED_BY);
        });
        return CatalogueView.of(saved);
    }

    private static int indexOf(List<TopicEntry> topics, String name) {
        for (int i = 0; i < topics.size(); i++) {
            if (topics.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static long version(String ifMatch) {
        return Versions.ifMatch(CatalogueLog.DOCUMENT, ifMatch);
    }
}
