package io.chatpulse.metrics.scorecard;

import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.metrics.tenantdoc.TenantDocument;
import io.chatpulse.metrics.tenantdoc.TenantDocumentLog;
import org.springframework.stereotype.Component;

/** The scorecard topic ({@link Topics#QA_SCORECARD}) as the scorecard API's store, like the catalogue's (decision 41). */
@Component
class ScorecardLog extends TenantDocumentLog<QaScorecardVersion> {

    static final TenantDocument DOCUMENT = new TenantDocument("scorecard", "QA scorecard", ScorecardController.PATH);

    ScorecardLog(ScorecardProperties properties) {
        super(DOCUMENT, Topics.QA_SCORECARD, EventCodec.QA_SCORECARD, properties.settings(),
                QaScorecardVersion::getTenantId, QaScorecardVersion::getVersion);
    }
}
