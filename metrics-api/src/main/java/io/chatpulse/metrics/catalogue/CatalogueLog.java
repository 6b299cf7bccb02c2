package io.chatpulse.metrics.catalogue;

import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.metrics.tenantdoc.TenantDocument;
import io.chatpulse.metrics.tenantdoc.TenantDocumentLog;
import org.springframework.stereotype.Component;

/** The catalogue topic ({@link Topics#TOPIC_CATALOGUE}) as the catalogue API's store (decision 38). */
@Component
class CatalogueLog extends TenantDocumentLog<TopicCatalogueVersion> {

    static final TenantDocument DOCUMENT = new TenantDocument("catalogue", "Topic catalogue", CatalogueController.PATH);

    CatalogueLog(CatalogueProperties properties) {
        super(DOCUMENT, Topics.TOPIC_CATALOGUE, EventCodec.TOPIC_CATALOGUE, properties.settings(),
                TopicCatalogueVersion::getTenantId, TopicCatalogueVersion::getVersion);
    }
}
