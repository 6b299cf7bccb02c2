package io.chatpulse.streamjobs;

import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.agent.AgentMinute;
import io.chatpulse.streamjobs.agent.AgentTables;
import io.chatpulse.streamjobs.agent.AgentTimeFunction;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.alert.AlertSerializer;
import io.chatpulse.streamjobs.alert.AlertTables;
import io.chatpulse.streamjobs.alert.KpiProgress;
import io.chatpulse.streamjobs.alert.PipelineWatchdogFunction;
import io.chatpulse.events.ConversationEvent;
import org.apache.flink.api.common.typeinfo.Types;
import io.chatpulse.streamjobs.clickhouse.ClickHouseSettings;
import io.chatpulse.streamjobs.clickhouse.ClickHouseSink;
import io.chatpulse.streamjobs.ingest.AgentEvents;
import io.chatpulse.streamjobs.ingest.ConversationEvents;
import io.chatpulse.streamjobs.ingest.IngestedRecord;
import io.chatpulse.streamjobs.ingest.LiveWatermarks;
import io.chatpulse.streamjobs.ingest.RecordOrigin;
import io.chatpulse.streamjobs.queue.MonitorInput;
import io.chatpulse.streamjobs.queue.QueueMonitorFunction;
import io.chatpulse.streamjobs.queue.QueueSnapshot;
import io.chatpulse.streamjobs.queue.QueueTables;
import io.chatpulse.streamjobs.topic.CatalogueChanges;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import io.chatpulse.streamjobs.topic.TopicSpikeFunction;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The live queue monitor and the alert detection of metrics.md (queue_wait, csat_drop, frt_spike and
 * volume_spike in the keyed monitor, pipeline_stalled in a watchdog, topic_spike in an operator of its own): reads conversation and agent
 * events and keeps, per tenant and queue, the waiting conversations (queue length, oldest wait) and the
 * agents online, available and busy; per agent, online time, occupancy and concurrency per minute
 * ({@code agent_time_minutes}). Writes a row per queue every second of event time, with the queue's
 * wait forecast and staffing advice, into {@code queue_live_state} (latest per queue) and
 * {@code queue_live_history}; every alert state
 * change goes to {@code chatpulse.alerts} and {@code alert_history}. Live, the watermark follows
 * the clock while no event comes, so the oldest wait grows and the alert fires on time; a replay
 * of history computes the same figures and marks its alerts replay=true.
 */
public final class QueueMonitorJob {

    static final String NAME = "chatpulse-queue-monitor";
    private static final String WHAT = "live queue state with its forecast (queue_live_state, queue_live_history), agent time"
            + " (agent_time_minutes) and the alerts"
            + " queue_wait, csat_drop, frt_spike, volume_spike, pipeline_stalled, topic_spike (chatpulse.alerts, alert_history)"
            + " from conversation and agent events";

    public static final JobConfig.Option MONITOR_GROUP_ID = new JobConfig.Option("MONITOR_GROUP_ID",
            "chatpulse-queue-monitor", "consumer group of the monitor; offsets are committed at checkpoints");
    public static final JobConfig.Option MONITOR_OUT_OF_ORDERNESS = new JobConfig.Option("MONITOR_OUT_OF_ORDERNESS",
            "500ms", "how late an event may arrive behind the newest one (small: alerts wait for it)");
    public static final JobConfig.Option LIVE_IDLENESS = new JobConfig.Option("LIVE_IDLENESS", "1s",
            "a caught-up Kafka partition silent this long lets the watermark follow the clock");
    public static final JobConfig.Option BACKLOG_IDLENESS = new JobConfig.Option("BACKLOG_IDLENESS", "30s",
            "the same for a partition still reading history (its newest event older than REPLAY_BOUND)");
    public static final JobConfig.Option STARTUP_IDLENESS = new JobConfig.Option("STARTUP_IDLENESS", "5s",
            "the same for a partition that has not given a record since the job started (e.g. empty)");
    public static final JobConfig.Option REPLAY_BOUND = new JobConfig.Option("REPLAY_BOUND", "60s",
            "an alert whose event time is further behind the clock is replay=true (stored, never paged); also"
                    + " how far behind a partition counts as caught up");
    public static final JobConfig.Option LIVE_TICK = new JobConfig.Option("LIVE_TICK", "1s",
            "event time between two live rows of a queue");
    public static final JobConfig.Option PIPELINE_WATCHDOG_INTERVAL = new JobConfig.Option(
            "PIPELINE_WATCHDOG_INTERVAL", "5s", "how often pipeline_stalled compares the events read with the KPI"
                    + " job's progress in ClickHouse; 0 turns the watchdog off");
    public static final JobConfig.Option DASHBOARD_URL = new JobConfig.Option("DASHBOARD_URL",
            "http://localhost:3000/d/chatpulse-supervisor", "dashboard an alert links to (var-tenant, var-queue added)");

    public static final List<JobConfig.Option> OPTIONS = List.of(JobConfig.KAFKA_BOOTSTRAP_SERVERS, MONITOR_GROUP_ID,
            JobConfig.CLICKHOUSE_URL, JobConfig.CLICKHOUSE_USER, JobConfig.CLICKHOUSE_PASSWORD,
            JobConfig.CLICKHOUSE_BATCH_SIZE, JobConfig.CLICKHOUSE_FLUSH_INTERVAL, JobConfig.CLICKHOUSE_MAX_RETRIES,
            JobConfig.CHECKPOINT_INTERVAL, JobConfig.CHECKPOINT_DIR, JobConfig.RESTORE_FROM, JobConfig.STATE_BACKEND,
            JobConfig.PARALLELISM, JobConfig.STATE_TTL, JobConfig.SOURCE_BOUNDED, JobConfig.REST_PORT, MONITOR_OUT_OF_ORDERNESS,
            LIVE_IDLENESS, BACKLOG_IDLENESS, STARTUP_IDLENESS, REPLAY_BOUND, LIVE_TICK, JobConfig.ALERT_RULES_FILE,
            JobConfig.ALERT_RULES, PIPELINE_WATCHDOG_INTERVAL,
            DASHBOARD_URL, JobConfig.TOPIC_CATALOGUE_FILE);

    private QueueMonitorJob() {
    }

    public static void main(String[] args) throws Exception {
        JobEnvironment.runMain(NAME, () -> JobConfig.help(NAME, WHAT, OPTIONS), args,
                a -> config(System.getenv(), a), QueueMonitorJob::define);
    }

    public static JobConfig config(java.util.Map<String, String> env, String... args) {
        JobConfig config = JobConfig.from(OPTIONS, env, args);
        // The sources read the shared setting; the monitor's group is its own.
        return config.with(JobConfig.KAFKA_GROUP_ID, config.get(MONITOR_GROUP_ID));
    }

    /** The monitor function with the job's settings. */
    public static QueueMonitorFunction monitor(JobConfig config, AlertRules rules) {
        return new QueueMonitorFunction(rules, config.getDuration(REPLAY_BOUND), config.getDuration(LIVE_TICK),
                config.getDuration(JobConfig.STATE_TTL), config.get(DASHBOARD_URL));
    }

    /** The alerts of the monitor to the alerts topic and {@code alert_history}. */
    public static void sinkAlerts(DataStream<AlertRecord> alerts, JobConfig config, ClickHouseSettings clickHouse) {
        alerts.sinkTo(KafkaSink.<AlertRecord>builder()
                        .setBootstrapServers(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS))
                        .setRecordSerializer(new AlertSerializer(Topics.ALERTS))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("kafka: " + Topics.ALERTS).uid("alerts-sink");
        alerts.sinkTo(new ClickHouseSink<>(clickHouse, AlertTables.ALERT_HISTORY))
                .name("clickhouse: " + AlertTables.ALERT_HISTORY.name()).uid("alert-history-sink");
    }

    /** Adds the monitor's pipeline to the environment. */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        AlertRules rules = AlertRules.load(config.find(JobConfig.ALERT_RULES_FILE), config.find(JobConfig.ALERT_RULES));
        // Watermarks every 100 ms and small network buffers: an alert is due within a second or two.
        env.getConfig().setAutoWatermarkInterval(100);
        env.setBufferTimeout(20);

        LiveWatermarks watermarks = new LiveWatermarks(config.getDuration(MONITOR_OUT_OF_ORDERNESS),
                config.getDuration(LIVE_IDLENESS), config.getDuration(BACKLOG_IDLENESS), config.getDuration(STARTUP_IDLENESS),
                config.getDuration(REPLAY_BOUND));
        DataStream<ConversationEvent> events = ConversationEvents.read(env, config,
                watermarks.<IngestedRecord>strategy((record, kafkaTime) -> record.eventTime()), "monitor-", RecordOrigin.LIVE);
        DataStream<MonitorInput> conversations = events
                .map(MonitorInput::of, TypeInformation.of(MonitorInput.class))
                .name("conversation events").uid("monitor-conversation-input");
        DataStream<MonitorInput> agents = AgentEvents.read(env, config,
                        watermarks.<IngestedRecord>strategy((record, kafkaTime) -> record.eventTime()), "monitor-")
                .map(MonitorInput::of, TypeInformation.of(MonitorInput.class))
                .name("agent events").uid("monitor-agent-input");

        SingleOutputStreamOperator<QueueSnapshot> rows = conversations.union(agents)
                .keyBy(MonitorInput::tenantId)
                .process(monitor(config, rules))
                .name("queue monitor")
                .uid("queue-monitor");

        ClickHouseSettings clickHouse = JobEnvironment.clickHouse(config);
        conversations.union(agents)
                .keyBy(MonitorInput::tenantId)
                .process(new AgentTimeFunction(config.getDuration(JobConfig.STATE_TTL)),
                        TypeInformation.of(AgentMinute.class))
                .name("agent time").uid("agent-time")
                .sinkTo(new ClickHouseSink<>(clickHouse, AgentTables.AGENT_TIME_MINUTES))
                .name("clickhouse: " + AgentTables.AGENT_TIME_MINUTES.name()).uid("agent-time-minutes-sink");
        rows.sinkTo(new ClickHouseSink<>(clickHouse, QueueTables.LIVE_STATE))
                .name("clickhouse: " + QueueTables.LIVE_STATE.name()).uid("queue-live-state-sink");
        rows.sinkTo(new ClickHouseSink<>(clickHouse, QueueTables.LIVE_HISTORY))
                .name("clickhouse: " + QueueTables.LIVE_HISTORY.name()).uid("queue-live-history-sink");

        DataStream<AlertRecord> alerts = rows.getSideOutput(QueueMonitorFunction.ALERTS).union(topicSpikes(env, config,
                rules, events));
        java.time.Duration watchdogInterval = config.getDuration(PIPELINE_WATCHDOG_INTERVAL);
        if (!watchdogInterval.isZero()) {
            alerts = alerts.union(events
                    .keyBy(event -> 0, Types.INT)
                    .process(new PipelineWatchdogFunction(rules, KpiProgress.clickHouse(clickHouse), watchdogInterval,
                            config.get(DASHBOARD_URL)), TypeInformation.of(AlertRecord.class))
                    .name("pipeline watchdog").uid("pipeline-watchdog").setParallelism(1));
        }
        sinkAlerts(alerts, config, clickHouse);
    }

    /**
     * topic_spike in an operator of its own, keyed by tenant, beside the queue monitor: it tags the live
     * customer messages with the catalogue the KPI job uses (the file, then chatpulse.topic-catalogue).
     */
    private static DataStream<AlertRecord> topicSpikes(StreamExecutionEnvironment env, JobConfig config,
                                                       AlertRules rules, DataStream<ConversationEvent> events) {
        return events
                .keyBy(ConversationEvent::getTenantId)
                .connect(CatalogueChanges.read(env, config).broadcast(CatalogueChanges.STATE))
                .process(new TopicSpikeFunction(rules, TopicCatalogue.load(config.find(JobConfig.TOPIC_CATALOGUE_FILE)),
                        config.getDuration(REPLAY_BOUND), config.get(DASHBOARD_URL)), TypeInformation.of(AlertRecord.class))
                .name("topic spikes")
                .uid("topic-spikes");
    }

}
