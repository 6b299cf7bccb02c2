package io.chatpulse.streamjobs.topic;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.Topics;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.tenantdoc.TenantDocuments;
import io.chatpulse.topiccatalogue.InvalidCatalogueException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' catalogue versions of {@link Topics#TOPIC_CATALOGUE} (compacted, keyed by tenant), for
 * the jobs to broadcast to every subtask ({@link TenantDocuments}). A version not newer than the one
 * the job holds is passed over ({@link #isNewer}).
 */
public final class CatalogueChanges {

    /** Every subtask's copy: tenant to the newest version it has applied. */
    public static final MapStateDescriptor<String, TopicCatalogueVersion> STATE = new MapStateDescriptor<>(
            "topic-catalogue", Types.STRING, TypeInformation.of(TopicCatalogueVersion.class));

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueChanges.class);

    private CatalogueChanges() {
    }

    /** What a function does with a tenant's new topics; refuses them with an {@link InvalidCatalogueException}. */
    @FunctionalInterface
    public interface TopicsChange {
        void apply(String tenant, List<Topic> topics);
    }

    /**
     * Holds a tenant's newer version in {@code held} once {@code change} took its topics; an older
     * version is passed over, and a refused one logged, the tenant keeping the topics it had.
     */
    public static void accept(TopicCatalogueVersion version, BroadcastState<String, TopicCatalogueVersion> held,
                              TopicsChange change) throws Exception {
        if (!isNewer(version, held.get(version.getTenantId()))) {
            return;
        }
        try {
            change.apply(version.getTenantId(), topics(version));
        } catch (InvalidCatalogueException e) {
            LOG.warn("topic catalogue version {} of {} refused, the tenant keeps its topics: {}", version.getVersion(),
                    version.getTenantId(), e.getMessage());
            return;
        }
        held.put(version.getTenantId(), version);
    }

    public static DataStream<TopicCatalogueVersion> read(StreamExecutionEnvironment env, JobConfig config) {
        return TenantDocuments.read(env, config, Topics.TOPIC_CATALOGUE, b -> EventCodec.TOPIC_CATALOGUE.decode(b),
                TopicCatalogueVersion.class, "topic-catalogue-source");
    }

    /** True when {@code next} is a later version than {@code held} (null: none held yet). */
    public static boolean isNewer(TopicCatalogueVersion next, TopicCatalogueVersion held) {
        return held == null || next.getVersion() > held.getVersion();
    }

    /** The version's topics, in its order. */
    public static List<Topic> topics(TopicCatalogueVersion version) {
        List<Topic> topics = new ArrayList<>(version.getTopics().size());
        for (CatalogueTopic topic : version.getTopics()) {
            topics.add(new Topic(topic.getName(), topic.getPhrases(), topic.getPatterns()));
        }
        return topics;
    }
}
