package io.chatpulse.streamjobs.qa;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.ScorecardCheck;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.tenantdoc.TenantDocuments;
import io.chatpulse.topiccatalogue.scorecard.InvalidScorecardException;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The tenants' scorecard versions of {@link Topics#QA_SCORECARD} (compacted, keyed by tenant), for the
 * KPI job to broadcast to every subtask ({@link TenantDocuments}). A version not newer than the one the
 * job holds is passed over ({@link #isNewer}).
 */
public final class ScorecardChanges {

    /** Every subtask's copy: tenant to the newest version it has applied. */
    public static final MapStateDescriptor<String, QaScorecardVersion> STATE = new MapStateDescriptor<>(
            "qa-scorecard", Types.STRING, TypeInformation.of(QaScorecardVersion.class));

    private ScorecardChanges() {
    }

    public static DataStream<QaScorecardVersion> read(StreamExecutionEnvironment env, JobConfig config) {
        return TenantDocuments.read(env, config, Topics.QA_SCORECARD, b -> EventCodec.QA_SCORECARD.decode(b),
                QaScorecardVersion.class, "qa-scorecard-source");
    }

    /** True when {@code next} is a later version than {@code held} (null: none held yet). */
    public static boolean isNewer(QaScorecardVersion next, QaScorecardVersion held) {
        return held == null || next.getVersion() > held.getVersion();
    }

    /**
     * The version's scorecard, validated ({@link InvalidScorecardException} names the field); none when
     * the version has no checks (the tenant is not scored from then on).
     */
    public static Optional<Scorecard> scorecard(QaScorecardVersion version) {
        if (version.getChecks().isEmpty()) {
            return Optional.empty();
        }
        if (version.getVersion() < 1 || version.getVersion() > Integer.MAX_VALUE) {
            throw new InvalidScorecardException(version.getTenantId() + ".version",
                    "a whole number from 1 to " + Integer.MAX_VALUE + " is required, not " + version.getVersion());
        }
        List<QaCheck> checks = new ArrayList<>(version.getChecks().size());
        for (ScorecardCheck check : version.getChecks()) {
            checks.add(new QaCheck(check.getCheck(), check.getWeight(), check.getPhrases(), check.getTargetSeconds(),
                    check.getMax()));
        }
        Scorecard card = new Scorecard((int) version.getVersion(), checks);
        Scorecard.validate(version.getTenantId(), card);
        return Optional.of(card);
    }
}
