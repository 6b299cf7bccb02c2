package io.chatpulse.e2e.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hostile requests over every endpoint of metrics-api's README, generated from a seed. */
final class MetricsApiCorpus {

    /** A report endpoint and the parameters that make a valid request of it. */
    private record Report(String path, String validParams) {
    }

    private static final String PERIOD = "from=" + Instant.now().minusSeconds(86_400) + "&to=" + Instant.now().plusSeconds(3_600);
    private static final List<Report> REPORTS = List.of(
            new Report("/api/v1/kpis/summary", PERIOD),
            new Report("/api/v1/kpis/series", PERIOD + "&interval=hour"),
            new Report("/api/v1/kpis/by-contact-reason", PERIOD),
            new Report("/api/v1/kpis/by-contact-reason/export", PERIOD + "&format=csv"),
            new Report("/api/v1/reports/agents", PERIOD),
            new Report("/api/v1/reports/agents/export", PERIOD + "&format=csv"),
            new Report("/api/v1/conversations", PERIOD + "&figure=queue_wait"),
            new Report("/api/v1/conversations/export", PERIOD + "&figure=queue_wait&format=csv"),
            new Report("/api/v1/queues/summary", PERIOD));
    private static final List<String> LIVE = List.of("/api/v1/live/queues", "/api/v1/live/alerts", "/api/v1/live/stream");

    private final CorpusTargets t;
    private final Random random;
    private final List<Probe> probes = new ArrayList<>();

    private MetricsApiCorpus(CorpusTargets targets) {
        this.t = targets;
        this.random = new Random(targets.seed());
    }

    static List<Probe> of(CorpusTargets targets, String readOnlyKey) {
        MetricsApiCorpus corpus = new MetricsApiCorpus(targets);
        corpus.badAuthEverywhere();
        corpus.brokenPeriods();
        corpus.randomBadParameters(120);
        corpus.injectionInFilters();
        corpus.hostileConversationIds();
        corpus.exportsWithoutTheRole(readOnlyKey);
        corpus.probes.addAll(UnknownRequests.of(targets.baseUrl(), targets.ownKey(), "/api/v1/live/queues",
                "/api/v1/conversations/" + targets.ownConversation() + "/kpis"));
        return corpus.probes;
    }

    private void badAuthEverywhere() {
        List<String> urls = new ArrayList<>();
        REPORTS.forEach(r -> urls.add(url(r.path(), r.validParams())));
        LIVE.forEach(path -> urls.add(t.baseUrl() + path));
        urls.add(t.baseUrl() + "/api/v1/conversations/" + t.ownConversation() + "/kpis");
        for (String url : urls) {
            HostileValues.badAuth().forEach((what, headers) ->
                    probes.add(Probe.refused("metrics-api " + what, "GET", url, headers, null)));
        }
    }

    /** Periods every report refuses: missing, unreadable, reversed, too long. */
    private void brokenPeriods() {
        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("no period", "");
        periods.put("no to", "from=2026-01-01T00:00:00Z");
        periods.put("no from", "to=2026-01-01T00:00:00Z");
        periods.put("SQL as from", "from=" + HostileValues.encoded(HostileValues.SQL.get(0)) + "&to=2026-01-01T00:00:00Z");
        periods.put("garbage as to", "from=2026-01-01T00:00:00Z&to=" + HostileValues.encoded(HostileValues.unicodeGarbage(random, 30)));
        periods.put("reversed", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        periods.put("1000 days", "from=2023-01-01T00:00:00Z&to=2025-09-28T00:00:00Z");
        periods.put("year 99999", "from=2026-01-01T00:00:00Z&to=%2B99999-01-01T00:00:00Z");
        for (Report report : REPORTS) {
            String rest = report.validParams().replace(PERIOD, "");
            periods.forEach((what, period) -> probes.add(Probe.refused("period: " + what, "GET",
                    url(report.path(), period + rest), Probe.key(t.ownKey()), null)));
        }
    }

    /** Parameters each report reads, with values it must refuse. */
    private Map<String, List<String>> badValuesOf(String path) {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        List<String> hostile = List.of(HostileValues.SQL.get(1), HostileValues.unicodeGarbage(random, 12), "-1", "1e999");
        if (!path.equals("/api/v1/queues/summary")) {
            bad.put("timezone", List.of(HostileValues.SQL.get(1), "Europe/Nowhere", "../../etc/localtime"));
            bad.put("channel", List.of(HostileValues.SQL.get(0), "web; DROP"));
        }
        if (path.startsWith("/api/v1/kpis") || path.startsWith("/api/v1/reports")) {
            bad.put("answerWithinSeconds", hostile);
            bad.put("shortAbandonSeconds", hostile);
        }
        if (path.equals("/api/v1/kpis/series")) {
            bad.put("interval", List.of(HostileValues.SQL.get(0), "second", "HOUR'--"));
        }
        if (path.endsWith("/export")) {
            bad.put("format", List.of(HostileValues.SQL.get(2), "pdf", "../csv"));
        }
        if (path.startsWith("/api/v1/conversations")) {
            bad.put("figure", List.of(HostileValues.SQL.get(0), "queue_wait' OR '1'='1", "system.users"));
            bad.put("over", hostile);
            bad.put("under", List.of(HostileValues.SQL.get(0), "NaN", "9".repeat(400)));
        }
        if (path.equals("/api/v1/conversations")) {
            bad.put("limit", List.of("-1", "100000", "0", HostileValues.SQL.get(0)));
            bad.put("offset", List.of("-5", "1e9", HostileValues.SQL.get(3)));
        }
        return bad;
    }

    /** {@code count} requests, each a valid report request with one parameter made hostile. */
    private void randomBadParameters(int count) {
        for (int i = 0; i < count; i++) {
            Report report = REPORTS.get(random.nextInt(REPORTS.size()));
            List<Map.Entry<String, List<String>>> params = new ArrayList<>(badValuesOf(report.path()).entrySet());
            if (params.isEmpty()) {
                continue;
            }
            Map.Entry<String, List<String>> param = params.get(random.nextInt(params.size()));
            String value = param.getValue().get(random.nextInt(param.getValue().size()));
            String query = withParam(report.validParams(), param.getKey(), value);
            probes.add(Probe.refused("bad " + param.getKey(), "GET", url(report.path(), query), Probe.key(t.ownKey()), null));
        }
    }

    /** Free-text filters: an injection is a queue, agent or topic name like any other, matching nothing. */
    private void injectionInFilters() {
        for (Report report : REPORTS) {
            for (String sql : HostileValues.SQL) {
                for (String filter : List.of("queueId", "agentId", "contactReason")) {
                    probes.add(Probe.tolerated(filter + " injection", "GET",
                            url(report.path(), withParam(report.validParams(), filter, sql)), Probe.key(t.ownKey()), null));
                }
            }
        }
        probes.add(Probe.tolerated("timezone injection, live", "GET", t.baseUrl() + "/api/v1/live/queues?timezone="
                + HostileValues.encoded(HostileValues.SQL.get(1)), Probe.key(t.ownKey()), null));
    }

    private void hostileConversationIds() {
        List<String> ids = new ArrayList<>(HostileValues.SQL);
        ids.add(HostileValues.unicodeGarbage(random, 40));
        ids.add("i".repeat(3_000));
        ids.add(t.otherConversation());
        probes.add(Probe.refused("other tenant's key", "GET", t.baseUrl() + "/api/v1/conversations/"
                + t.ownConversation() + "/kpis", Probe.key(t.otherTenantKey()), null));
        for (String id : ids) {
            probes.add(Probe.refused("hostile or foreign conversation id", "GET",
                    t.baseUrl() + "/api/v1/conversations/" + HostileValues.encoded(id) + "/kpis", Probe.key(t.ownKey()), null));
        }
    }

    /** A supervisor's key reads reports but may not export them. */
    private void exportsWithoutTheRole(String readOnlyKey) {
        REPORTS.stream().filter(r -> r.path().endsWith("/export")).forEach(r -> probes.add(
                Probe.refused("export without the manager role", "GET", url(r.path(), r.validParams()),
                        Probe.key(readOnlyKey), null)));
    }

    private static String withParam(String query, String name, String value) {
        return query + "&" + name + "=" + HostileValues.encoded(value);
    }

    private String url(String path, String query) {
        return t.baseUrl() + path + (query.isEmpty() ? "" : "?" + query);
    }
}
