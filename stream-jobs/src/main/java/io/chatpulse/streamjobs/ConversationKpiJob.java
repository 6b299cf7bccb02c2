package io.chatpulse.streamjobs;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.clickhouse.ClickHouseSink;
import io.chatpulse.streamjobs.conversation.ConversationKpiFunction;
import io.chatpulse.streamjobs.conversation.DocumentChanges;
import io.chatpulse.streamjobs.conversation.KpiRow;
import io.chatpulse.streamjobs.conversation.KpiTables;
import io.chatpulse.streamjobs.ingest.ConversationEvents;
import io.chatpulse.streamjobs.qa.Scorecards;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Per-conversation KPIs (metrics.md) from {@code chatpulse.conversation-events} into ClickHouse:
 * queue wait per wait episode ({@code queue_waits}), first response time ({@code first_responses}),
 * reply times ({@code reply_times}), resolution time per resolution ({@code resolutions}), handle
 * time per agent episode ({@code handle_times}), CSAT ratings ({@code csat_ratings}) and the
 * countable steps behind volume, reopen and survey rates ({@code conversation_activity}). Records
 * that cannot be read go to {@code chatpulse.dead-letter}, and so do events older than one their
 * conversation has applied (beyond {@code REORDER_WINDOW}). FRT, reply and resolution time are also
 * measured inside business hours, with the calendars of {@code ALERT_RULES} / {@code ALERT_RULES_FILE}
 * (the queue monitor's settings: one calendar per queue for both jobs). Customer messages and
 * conversations are tagged with the topics of {@code TOPIC_CATALOGUE_FILE} ({@code message_topics},
 * {@code conversation_topics}; counts per minute in {@code topic_minutes}), and from a tenant's change
 * on {@code chatpulse.topic-catalogue} with its new topics, without a restart. Each ended
 * conversation is scored with the QA scorecard of {@code QA_SCORECARD_FILE} ({@code qa_scores},
 * {@code qa_checks}).
 */
public final class ConversationKpiJob {

    static final String NAME = "chatpulse-conversation-kpis";
    private static final String WHAT = "per-conversation KPIs from Kafka into ClickHouse (queue_waits,"
            + " first_responses, reply_times, resolutions, handle_times, csat_ratings, conversation_activity, message_topics, conversation_topics,"
            + " qa_scores, qa_checks)";

    private ConversationKpiJob() {
    }

    public static void main(String[] args) throws Exception {
        JobEnvironment.runMain(NAME, () -> JobConfig.help(NAME, WHAT), args,
                a -> JobConfig.from(System.getenv(), a), ConversationKpiJob::define);
    }

    /** Adds the job's pipeline to the environment. */
    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        BusinessCalendars calendars = AlertRules.load(config.find(JobConfig.ALERT_RULES_FILE),
                config.find(JobConfig.ALERT_RULES)).calendars();
        // No function of this job keeps or changes a record it has passed on, so chained operators
        // need no defensive copy of each (a fifth of the source's time in a backfill went to copies).
        env.getConfig().enableObjectReuse();
        // Network buffers go out at least every 20 ms (Flink's default is 100): part of freshness.
        env.setBufferTimeout(20);
        DataStream<ConversationEvent> events = ConversationEvents.read(env, config);
        SingleOutputStreamOperator<KpiRow> kpis = events
                .keyBy(ConversationEvent::getConversationId)
                .connect(DocumentChanges.broadcast(env, config))
                .process(new ConversationKpiFunction(config.getDuration(JobConfig.STATE_TTL), calendars,
                        config.getDuration(JobConfig.REORDER_WINDOW),
                        TopicCatalogue.load(config.find(JobConfig.TOPIC_CATALOGUE_FILE)),
                        Scorecards.load(config.find(JobConfig.QA_SCORECARD_FILE))))
                .name("conversation KPIs")
                .uid("conversation-kpis");
        kpis.getSideOutput(ConversationKpiFunction.LATE_EVENTS)
                .sinkTo(ConversationEvents.deadLetterSink(config))
                .name("kafka: " + Topics.DEAD_LETTER + " (late events)")
                .uid("late-events-sink");

        kpis.sinkTo(new ClickHouseSink<>(JobEnvironment.clickHouse(config), KpiTables.ROUTES))
                .name("clickhouse: " + KpiTables.ROUTES.stream().map(route -> route.table().name())
                        .collect(Collectors.joining(", ")))
                .uid("kpi-tables-sink");
    }
}
