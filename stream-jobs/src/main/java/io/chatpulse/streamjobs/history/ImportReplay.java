package io.chatpulse.streamjobs.history;

import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.JobEnvironment;
import io.chatpulse.streamjobs.QueueMonitorJob;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.clickhouse.ClickHouseSettings;
import io.chatpulse.streamjobs.clickhouse.ClickHouseSink;
import io.chatpulse.streamjobs.ingest.ConversationEvents;
import io.chatpulse.streamjobs.ingest.IngestedRecord;
import io.chatpulse.streamjobs.queue.MonitorInput;
import io.chatpulse.streamjobs.queue.QueueMonitorFunction;
import io.chatpulse.streamjobs.queue.QueueSnapshot;
import io.chatpulse.streamjobs.queue.QueueTables;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The queue monitor's rules over exactly the records of one history import, as a replay: a bounded
 * Flink job in the importing process, whose watermark follows the imported event times alone. The
 * live monitor skips imported records (they are not the present), so this is where an import's
 * alert history comes from: the same alerts, at the same event times, as a replay of that history
 * would record, every one {@code replay}, none paged; its queue rows go to
 * {@code queue_live_history} only, never to the live state.
 */
final class ImportReplay {

    static final String NAME = "chatpulse-import-replay";
    /**
     * How far past the last imported event the rules still look: longer than every default window with
     * its clear period (csat_drop's 30 + 15 minutes), so what the history decides is recorded; a
     * customer still waiting at the end of the file stops being watched there.
     */
    static final Duration SETTLE = Duration.ofHours(1);

    private ImportReplay() {
    }

    /** Runs the replay to its end. */
    static void run(JobConfig config, ImportedRecords imported) throws Exception {
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        define(env, config, imported);
        env.execute(NAME + " " + imported.importId());
    }

    static void define(StreamExecutionEnvironment env, JobConfig config, ImportedRecords imported) {
        AlertRules rules = AlertRules.load(config.find(JobConfig.ALERT_RULES_FILE), config.find(JobConfig.ALERT_RULES));
        WatermarkStrategy<IngestedRecord> watermarks = WatermarkStrategy
                .<IngestedRecord>forBoundedOutOfOrderness(config.getDuration(QueueMonitorJob.MONITOR_OUT_OF_ORDERNESS))
                .withTimestampAssigner((record, kafkaTime) -> record.eventTime());
        QueueMonitorFunction monitor = QueueMonitorJob.monitor(config, rules)
                .forHistoryUntil(imported.newestEventTime() + SETTLE.toMillis());
        SingleOutputStreamOperator<QueueSnapshot> rows = ConversationEvents.read(env, config,
                        ConversationEvents.importSource(config, imported.importId(), imported.firstOffsets(),
                                imported.endOffsets()), watermarks, "import-")
                .map(MonitorInput::of, TypeInformation.of(MonitorInput.class))
                .name("imported conversation events")
                .keyBy(MonitorInput::tenantId)
                .process(monitor)
                .name("queue monitor over the import");
        ClickHouseSettings clickHouse = JobEnvironment.clickHouse(config);
        rows.sinkTo(new ClickHouseSink<>(clickHouse, QueueTables.LIVE_HISTORY))
                .name("clickhouse: " + QueueTables.LIVE_HISTORY.name());
        QueueMonitorJob.sinkAlerts(rows.getSideOutput(QueueMonitorFunction.ALERTS), config, clickHouse);
    }
}
