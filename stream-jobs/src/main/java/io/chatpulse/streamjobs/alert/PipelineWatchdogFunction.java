package io.chatpulse.streamjobs.alert;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@link PipelineStallRule} for every tenant every {@code intervalMs} of processing time:
 * the messages the monitor reads against the newest ones the KPI job has stored in ClickHouse. Runs
 * under one key (one instance), so ClickHouse is asked once per interval for all tenants. Alerts
 * have scope {@code pipeline}, event time = the watchdog's clock, and are never replay.
 */
public class PipelineWatchdogFunction extends KeyedProcessFunction<Integer, ConversationEvent, AlertRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(PipelineWatchdogFunction.class);

    public static final String RULE = "pipeline_stalled";
    public static final String SCOPE = "pipeline";

    private final AlertRules rules;
    private final KpiProgress stored;
    private final long intervalMs;
    private final String dashboardUrl;

    private transient MapState<String, PipelineProgress> tenants;
    private transient ValueState<Long> nextCheck;

    public PipelineWatchdogFunction(AlertRules rules, KpiProgress stored, java.time.Duration interval,
                                    String dashboardUrl) {
        this.rules = rules;
        this.stored = stored;
        this.intervalMs = interval.toMillis();
        this.dashboardUrl = dashboardUrl;
    }

    @Override
    public void open(OpenContext context) {
        TrustedEventClasses.install();
        tenants = getRuntimeContext().getMapState(new MapStateDescriptor<>("pipeline-progress", Types.STRING,
                TypeInformation.of(PipelineProgress.class)));
        nextCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("next-check", Types.LONG));
    }

    @Override
    public void close() {
        stored.close();
    }

    @Override
    public void processElement(ConversationEvent event, Context ctx, Collector<AlertRecord> out) throws Exception {
        if (!(event.getPayload() instanceof MessagePosted message) || message.getSender() == SenderKind.SYSTEM) {
            return; // only messages always become a stored row (conversation_activity)
        }
        long now = ctx.timerService().currentProcessingTime();
        PipelineProgress progress = tenants.get(event.getTenantId());
        if (progress == null) {
            progress = new PipelineProgress();
        }
        PipelineStallRule.seen(progress, event.getEventTime(), now);
        tenants.put(event.getTenantId(), progress);
        if (nextCheck.value() == null) {
            nextCheck.update(now + intervalMs);
            ctx.timerService().registerProcessingTimeTimer(now + intervalMs);
        }
    }

    @Override
    public void onTimer(long now, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        Map<String, Long> newest;
        try {
            newest = stored.newestStoredMessages();
        } catch (Exception e) {
            log.warn("cannot read the KPI job's progress from ClickHouse: {}", e.getMessage());
            newest = Map.of();
        }
        List<Map.Entry<String, PipelineProgress>> entries = new ArrayList<>();
        tenants.entries().forEach(entries::add);
        for (Map.Entry<String, PipelineProgress> entry : entries) {
            String tenant = entry.getKey();
            PipelineProgress progress = entry.getValue();
            long stallAfter = rules.pipelineStallAfter(tenant);
            Long max = newest.get(tenant);
            PipelineStallRule.Evaluation evaluation = PipelineStallRule.check(progress, now,
                    max == null ? OptionalLong.empty() : OptionalLong.of(max), stallAfter);
            evaluation.change().ifPresent(change -> out.collect(alert(tenant, change, evaluation.stalledForMs(),
                    stallAfter)));
            boolean idle = !progress.alert.firing && now - progress.lastArrivalAt > 10 * stallAfter;
            if (idle) {
                tenants.remove(tenant); // a tenant gone quiet: forget it until it speaks again
            } else {
                tenants.put(tenant, progress);
            }
        }
        if (tenants.isEmpty()) {
            nextCheck.clear();
        } else {
            nextCheck.update(now + intervalMs);
            ctx.timerService().registerProcessingTimeTimer(now + intervalMs);
        }
    }

    private AlertRecord alert(String tenant, AlertChange change, long stalledForMs, long stallAfterMs) {
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "The analytics of tenant " + tenant + " have not advanced for " + stalledForMs / 1000
                        + " s while events are flowing: live figures and dashboards are stale"
                : "The analytics of tenant " + tenant + " are advancing again";
        String url = dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "var-tenant="
                + java.net.URLEncoder.encode(tenant, java.nio.charset.StandardCharsets.UTF_8);
        return new AlertRecord(tenant, RULE, SCOPE, change.kind(), change.at(), change.startedAt(),
                stalledForMs / 1000.0, stallAfterMs / 1000.0, summary, url, false);
    }
}
