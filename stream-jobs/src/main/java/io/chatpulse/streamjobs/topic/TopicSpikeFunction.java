package io.chatpulse.streamjobs.topic;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRuleState;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.alert.TopicSpikeRule;
import io.chatpulse.streamjobs.alert.VolumeSpikeRule;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import io.chatpulse.streamjobs.queue.IdleSweep;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * topic_spike in the live queue monitor job, keyed by tenant: counts the customer messages naming
 * each topic per minute of event time (the tenant's catalogue: the file's, then its versions from
 * {@link CatalogueChanges}, as the KPI job tags them) and, at each minute boundary the watermark
 * passes, evaluates {@link TopicSpikeRule} for every topic named in the window or firing. The job
 * reads live records only (an import is never counted) and marks an alert replay when its event time
 * is further behind the clock than the replay bound: a backlog read after a restart pages no one.
 *
 * <p>A topic's baseline starts when the monitor first evaluates it: with the tenant's first event for
 * the topics of the catalogue it started with, at the change for a topic a later version adds, so a
 * new topic does not spike against days it did not exist.
 *
 * <p>What no evaluation reads any more is forgotten by an hourly sweep of processing time (decision
 * 33), not Flink's state TTL: counts behind the baseline of the evaluated time, a topic not named
 * for as long unless firing, and all counts of a tenant whose evaluated time stood still for
 * {@link #COUNTS_KEPT}.
 */
public class TopicSpikeFunction
        extends KeyedBroadcastProcessFunction<String, ConversationEvent, TopicCatalogueVersion, AlertRecord> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE = 60_000L;
    /** How long a tenant's event time may stand still before its counts go, as their state TTL did. */
    private static final Duration COUNTS_KEPT = Duration.ofDays(15);

    private final AlertRules rules;
    private final TopicCatalogue catalogue;
    private final long replayBoundMs;
    private final String dashboardUrl;

    private transient TopicMinuteCounts counts;
    /** Topic: the last minute it was named; the topics a tick looks at. */
    private transient MapState<String, Long> lastNamed;
    private transient MapState<String, AlertRuleState> alerts;
    /** Topic: since when its baseline may reach back. */
    private transient MapState<String, Long> topicSince;
    private transient ValueState<Long> tenantSince;
    /** The catalogue version the last tick evaluated (0: the file's); null before the first tick. */
    private transient ValueState<Long> versionSeen;
    private transient ValueState<Long> evaluatedUpTo;
    private transient IdleSweep sweep;
    private transient Map<String, Matcher> matchers;

    private record Matcher(long version, List<String> names, TopicMatcher matcher) {
    }

    public TopicSpikeFunction(AlertRules rules, TopicCatalogue catalogue, Duration replayBound, String dashboardUrl) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.replayBoundMs = replayBound.toMillis();
        this.dashboardUrl = dashboardUrl;
    }

    @Override
    public void open(OpenContext openContext) {
        TrustedEventClasses.install();
        counts = TopicMinuteCounts.open(getRuntimeContext());
        lastNamed = getRuntimeContext().getMapState(new MapStateDescriptor<>("topic-last-named", Types.STRING,
                Types.LONG));
        alerts = getRuntimeContext().getMapState(new MapStateDescriptor<>("topic-spike-alerts", Types.STRING,
                TypeInformation.of(AlertRuleState.class)));
        topicSince = getRuntimeContext().getMapState(new MapStateDescriptor<>("topic-since", Types.STRING, Types.LONG));
        tenantSince = getRuntimeContext().getState(new ValueStateDescriptor<>("tenant-since", Types.LONG));
        versionSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("catalogue-version-seen", Types.LONG));
        evaluatedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("topic-spike-evaluated", Types.LONG));
        sweep = IdleSweep.open(getRuntimeContext(), COUNTS_KEPT);
        matchers = new HashMap<>();
    }

    @Override
    public void processElement(ConversationEvent event, ReadOnlyContext ctx, Collector<AlertRecord> out)
            throws Exception {
        // The earliest event, not the first read: partitions interleave, and a baseline day before it is no day seen.
        Long since = tenantSince.value();
        if (since == null || event.getEventTime() < since) {
            tenantSince.update(event.getEventTime());
        }
        if (event.getPayload() instanceof MessagePosted message && message.getSender() == SenderKind.CUSTOMER
                && message.getText() != null) {
            long minute = Math.floorDiv(event.getEventTime(), MINUTE);
            Matcher matcher = matcher(ctx.getCurrentKey(), ctx.getBroadcastState(CatalogueChanges.STATE));
            for (String topic : matcher.matcher().topicsOf(message.getText())) {
                counts.count(topic, minute);
                Long last = lastNamed.get(topic);
                if (last == null || last < minute) {
                    lastNamed.put(topic, minute);
                }
            }
        }
        ctx.timerService().registerEventTimeTimer((Math.floorDiv(event.getEventTime(), MINUTE) + 1) * MINUTE);
        sweep.keep(ctx.timerService());
    }

    @Override
    public void processBroadcastElement(TopicCatalogueVersion version, Context ctx, Collector<AlertRecord> out)
            throws Exception {
        // The matcher is built from the held version at the next message; here only whether it is valid.
        CatalogueChanges.accept(version, ctx.getBroadcastState(CatalogueChanges.STATE), TopicCatalogue::validate);
    }

    @Override
    public void onTimer(long at, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            sweep.swept(ctx.timerService(), forgetIdle(ctx));
            return;
        }
        Long done = evaluatedUpTo.value();
        if (done != null && at <= done) {
            return; // a late message's minute: its count is in, the rule has moved on (observations in time order)
        }
        evaluatedUpTo.update(at);
        String tenant = ctx.getCurrentKey();
        Matcher current = matcher(tenant, ctx.getBroadcastState(CatalogueChanges.STATE));
        VolumeSpikeRule.Settings rule = rules.topicSpike(tenant);
        boolean watching = false;
        for (String topic : topicsToEvaluate(current, at, rule)) {
            AlertRuleState state = alerts.get(topic);
            if (state == null) {
                state = new AlertRuleState();
            }
            VolumeSpikeRule.Evaluation evaluation = TopicSpikeRule.evaluate(rule, state, at, since(topic, at),
                    (from, to) -> counts.between(topic, from, to));
            if (evaluation.change().isPresent()) {
                AlertChange change = evaluation.change().get();
                out.collect(TopicSpikeRule.alert(tenant, topic, rule, change, evaluation, dashboard(tenant),
                        change.at() < ctx.timerService().currentProcessingTime() - replayBoundMs));
            }
            if (state.firing) {
                alerts.put(topic, state);
                watching = true;
            } else {
                alerts.remove(topic);
                watching |= evaluation.arrivals() > 0;
            }
        }
        versionSeen.update(current.version());
        if (watching) {
            ctx.timerService().registerEventTimeTimer(at + MINUTE);
        }
    }

    /** The topics named in the window that ends at {@code at}, and those firing (also one the catalogue dropped). */
    private Set<String> topicsToEvaluate(Matcher current, long at, VolumeSpikeRule.Settings rule) throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        long firstMinute = Math.floorDiv(at - rule.windowMs(), MINUTE);
        for (Map.Entry<String, Long> named : lastNamed.entries()) {
            if (named.getValue() >= firstMinute) {
                topics.add(named.getKey());
            }
        }
        alerts.keys().forEach(topics::add);
        // A topic the catalogue holds gets its start now, whether named yet or not.
        for (String topic : current.names()) {
            since(topic, at);
        }
        return topics;
    }

    /** The tenant's first event for the catalogue the monitor started with; the first tick after a change for a new topic. */
    private long since(String topic, long at) throws Exception {
        Long since = topicSince.get(topic);
        if (since == null) {
            Long tenantStart = tenantSince.value();
            since = versionSeen.value() == null && tenantStart != null ? tenantStart : at;
            topicSince.put(topic, since);
        }
        return since;
    }

    /**
     * The sweep at processing time (decision 33): the counts no baseline of the evaluated time or a
     * later one reads, a topic not named since then unless firing (its start too once the catalogue
     * no longer holds it: one it holds keeps its start, as before), and all counts and names of a
     * tenant whose evaluated time stood still for {@link #COUNTS_KEPT}.
     *
     * @return whether anything is left to forget later
     */
    private boolean forgetIdle(OnTimerContext ctx) throws Exception {
        Long evaluated = evaluatedUpTo.value();
        if (evaluated == null) {
            return !counts.isEmpty(); // counted, not evaluated yet: nothing to measure a baseline from
        }
        VolumeSpikeRule.Settings rule = rules.topicSpike(ctx.getCurrentKey());
        long oldestMinute = Math.floorDiv(evaluated - rule.windowMs() - rule.baselineDays() * VolumeSpikeRule.DAY,
                MINUTE);
        boolean quiet = counts.forget(ctx.timerService().currentProcessingTime(), evaluated, oldestMinute,
                COUNTS_KEPT.toMillis());
        for (Map.Entry<String, Long> named : toList(lastNamed.entries())) {
            if ((quiet || named.getValue() < oldestMinute) && !alerts.contains(named.getKey())) {
                lastNamed.remove(named.getKey());
            }
        }
        List<String> held = matcher(ctx.getCurrentKey(), ctx.getBroadcastState(CatalogueChanges.STATE)).names();
        for (String topic : toList(topicSince.keys())) {
            if (!held.contains(topic) && !lastNamed.contains(topic) && !alerts.contains(topic)) {
                topicSince.remove(topic);
            }
        }
        return !counts.isEmpty() || !lastNamed.isEmpty() || !alerts.isEmpty();
    }

    private static <T> List<T> toList(Iterable<T> entries) {
        List<T> list = new ArrayList<>();
        entries.forEach(list::add);
        return list;
    }

    /** The tenant's matcher: of its newest version held, else of the file; built again when the version changes. */
    private Matcher matcher(String tenant, ReadOnlyBroadcastState<String, TopicCatalogueVersion> held)
            throws Exception {
        TopicCatalogueVersion version = held.get(tenant);
        long number = version == null ? 0 : version.getVersion();
        Matcher cached = matchers.get(tenant);
        if (cached == null || cached.version() != number) {
            List<Topic> topics = version == null ? catalogue.topicsOf(tenant) : CatalogueChanges.topics(version);
            cached = new Matcher(number, new ArrayList<>(topics.stream().map(Topic::name).toList()),
                    new TopicMatcher(topics));
            matchers.put(tenant, cached);
        }
        return cached;
    }

    private String dashboard(String tenant) {
        return dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "var-tenant="
                + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
    }
}
