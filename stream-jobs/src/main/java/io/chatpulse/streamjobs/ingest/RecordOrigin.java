package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.Topics;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which conversation records a job reads, by where they come from: chat-core (live) or a history
 * import ({@link Topics#HEADER_IMPORT_ID}). The KPI job reads both: a figure is a figure whenever it
 * happened. The live queue monitor reads only the present: an imported conversation that waited in
 * 2019 is not waiting now, and its old times must not meet the tenant's live clock.
 */
public final class RecordOrigin implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every record. */
    public static final RecordOrigin ANY = new RecordOrigin(true, null);
    /** The records chat-core wrote: no import id. */
    public static final RecordOrigin LIVE = new RecordOrigin(false, null);

    private final boolean any;
    private final String importId;

    private RecordOrigin(boolean any, String importId) {
        this.any = any;
        this.importId = importId;
    }

    /** The records of one history import run. */
    public static RecordOrigin ofImport(String importId) {
        return new RecordOrigin(false, importId);
    }

    /** Whether a job of this origin reads the record (decoded or not: an unread record is no dead letter of it). */
    public boolean accepts(ConsumerRecord<?, ?> record) {
        if (any) {
            return true;
        }
        String id = importId(record);
        return importId == null ? id == null : importId.equals(id);
    }

    /** The import run a record was written by, null for a live one. */
    public static String importId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(Topics.HEADER_IMPORT_ID);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return any ? "any" : importId == null ? "live" : "import " + importId;
    }
}
