package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.qa.ScorecardChanges;
import io.chatpulse.streamjobs.topic.CatalogueChanges;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * The KPI function's one broadcast input: the tenants' topic catalogue changes (left) and QA scorecard
 * changes (right) as one stream, since a keyed stream connects to a single broadcast stream. Each side
 * keeps its own broadcast state (decision 41).
 */
public final class DocumentChanges {

    public static final TypeInformation<Either<TopicCatalogueVersion, QaScorecardVersion>> TYPE = new EitherTypeInfo<>(
            TypeInformation.of(TopicCatalogueVersion.class), TypeInformation.of(QaScorecardVersion.class));

    private DocumentChanges() {
    }

    public static BroadcastStream<Either<TopicCatalogueVersion, QaScorecardVersion>> broadcast(
            StreamExecutionEnvironment env, JobConfig config) {
        return CatalogueChanges.read(env, config)
                .map(Either::<TopicCatalogueVersion, QaScorecardVersion>Left).returns(TYPE)
                .name("topic catalogue changes").uid("topic-catalogue-changes").setParallelism(1)
                .union(ScorecardChanges.read(env, config)
                        .map(Either::<TopicCatalogueVersion, QaScorecardVersion>Right).returns(TYPE)
                        .name("QA scorecard changes").uid("qa-scorecard-changes").setParallelism(1))
                .broadcast(CatalogueChanges.STATE, ScorecardChanges.STATE);
    }
}
