package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, automatic QA: the QA score of every ended stretch of a scripted day's conversations,
 * each check's verdict with the message that failed it, and the per-agent and per-check views,
 * computed here from the written definition (docs/kpi-qa.md) by a plain reading of the scorecards
 * (none of the job's code), equal what the real job stores in the real ClickHouse; and still do
 * after the whole topic is replayed into the tables a second time (redelivered events included).
 */
class QaDayTest {

    private static final long SEED = 20_261_208L;
    private static final long DAY = Instant.parse("2026-12-08T00:00:00Z").toEpochMilli();
    private static final int CONVERSATIONS = 160;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<String> CHECKS = List.of("greeting", "forbidden_phrases", "closing", "reply_time",
            "transfers", "survey_offered");

    /** Each tenant's scorecard: check, weight, then its phrases or its number. */
    private static final Map<String, List<List<String>>> CARDS = Map.of(
            "acme", List.of(
                    List.of("greeting", "1", "hello", "good morning", "您好"),
                    List.of("forbidden_phrases", "3", "calm down", "not my problem", "不知道"),
                    List.of("closing", "1", "anything else", "have a nice day", "再见"),
                    List.of("reply_time", "2", "60"),
                    List.of("transfers", "1", "1"),
                    List.of("survey_offered", "1")),
            "globex", List.of(
                    List.of("reply_time", "1", "30"),
                    List.of("survey_offered", "2")));
    private static final Map<String, Integer> VERSIONS = Map.of("acme", 4, "globex", 1);

    private static final List<String> FIRST_LINES = List.of("Hello! How can I help?", "Good morning, let me look.",
            "您好，请稍等", "Hi, one moment", "Yes?", "hello there, calm down", "Othello here");
    private static final List<String> LINES = List.of("Let me check that.", "It is on its way.", "calm down please",
            "That is not my problem", "我不知道", "One moment", "Not my problems");
    private static final List<String> LAST_LINES = List.of("Anything else I can do?", "Have a nice day!", "再见！",
            "Done.", "anything elsewhere", "Bye");

    @Test
    void scoresVerdictsAndViewsAreTheOnesOfTheDefinition() throws Exception {
        List<ConversationEvent> delivered = scriptedDay(new Random(SEED));
        Reference reference = new Reference(delivered);
        assertThat(reference.scores).as("scored stretches").hasSizeGreaterThan(120);
        assertThat(reference.scores.values().stream().filter(s -> s.ending.equals("abandoned"))).as("abandoned").isNotEmpty();
        for (String check : CHECKS) {
            assertThat(reference.failed.stream().filter(f -> f.startsWith("acme\t") && f.contains("\t" + check + "\t")))
                    .as("failures of %s", check).isNotEmpty();
        }
        try (LocalEngines engines = LocalEngines.start("qa-day-")) {
            Path cards = engines.data().resolve("scorecards.json");
            Files.writeString(cards, scorecardsJson());
            engines.produce(delivered.toArray(ConversationEvent[]::new));
            Map<String, String> settings = Map.of("QA_SCORECARD_FILE", cards.toString());
            engines.runBoundedKpiJob("qa-day", DEADLINE, settings);
            assertStored(engines, reference, "after the first run");
            engines.runBoundedKpiJob("qa-day-replay", DEADLINE, settings);
            assertStored(engines, reference, "after a replay of every event");
        }
    }

    private static void assertStored(LocalEngines engines, Reference reference, String when) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(rows(engines, "SELECT tenant_id, conversation_id, toUnixTimestamp64Milli(ended_at), agent_id,"
                + " queue_id, ending, toString(round(score, 4)), passed_weight, applicable_weight, scorecard_version"
                + " FROM qa_scores FINAL"))
                .as("qa_scores %s", when).containsExactlyInAnyOrderElementsOf(reference.scoreRows());
        softly.assertThat(rows(engines, "SELECT tenant_id, conversation_id, toUnixTimestamp64Milli(ended_at), check_name,"
                + " event_id, toUnixTimestamp64Milli(at) FROM qa_checks FINAL WHERE outcome = 'fail'"))
                .as("failed checks %s", when).containsExactlyInAnyOrderElementsOf(reference.failed);
        softly.assertThat(rows(engines, "SELECT tenant_id, conversation_id, toUnixTimestamp64Milli(ended_at), check_name"
                + " FROM qa_checks FINAL WHERE outcome = 'not_applicable'"))
                .as("checks not applicable %s", when).containsExactlyInAnyOrderElementsOf(reference.notApplicable);
        String period = "(tenant = 'acme', from = '" + SQL_TIME.format(Instant.ofEpochMilli(DAY)) + "', to = '"
                + SQL_TIME.format(Instant.ofEpochMilli(DAY + Duration.ofDays(1).toMillis())) + "', queue = '', channel = '', reason = ''";
        softly.assertThat(cells(engines, "SELECT agent_id, scored, toString(round(mean_score, 4)) FROM qa_agent_scores"
                + period + ", agent = '')", 1)).as("qa_agent_scores %s", when).isEqualTo(reference.agentMeans("acme"));
        softly.assertThat(cells(engines, "SELECT agent_id, check_name, applicable, failures FROM qa_agent_check_failures"
                + period + ", agent = '')", 2)).as("qa_agent_check_failures %s", when).isEqualTo(reference.agentChecks("acme"));
        softly.assertThat(cells(engines, "SELECT conversation_id, toUnixTimestamp64Milli(ended_at), event_id,"
                + " toUnixTimestamp64Milli(at) FROM qa_failed_conversations" + period
                + ", agent = 'agent-1', check = 'reply_time')", 2))
                .as("qa_failed_conversations of agent-1's replies %s", when)
                .isEqualTo(reference.failedConversations("acme", "agent-1", "reply_time"));
        softly.assertAll();
    }

    private static List<String> rows(LocalEngines engines, String sql) throws Exception {
        return engines.query(sql).stream().map(row -> String.join("\t", row)).toList();
    }

    /** The first {@code keyColumns} joined as the key, the rest as the value. */
    private static Map<String, String> cells(LocalEngines engines, String sql, int keyColumns) throws Exception {
        Map<String, String> cells = new TreeMap<>();
        for (List<String> row : engines.query(sql)) {
            cells.put(String.join("\t", row.subList(0, keyColumns)), String.join("\t", row.subList(keyColumns, row.size())));
        }
        return cells;
    }

    private static String scorecardsJson() {
        StringBuilder json = new StringBuilder("{");
        CARDS.forEach((tenant, checks) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(tenant).append("\": {\"version\": ")
                    .append(VERSIONS.get(tenant)).append(", \"checks\": [");
            for (int i = 0; i < checks.size(); i++) {
                List<String> check = checks.get(i);
                json.append(i > 0 ? "," : "").append("{\"check\": \"").append(check.get(0)).append("\", \"weight\": ")
                        .append(check.get(1));
                switch (check.get(0)) {
                    case "reply_time" -> json.append(", \"targetSeconds\": ").append(check.get(2));
                    case "transfers" -> json.append(", \"max\": ").append(check.get(2));
                    case "survey_offered" -> { }
                    default -> json.append(", \"phrases\": ").append(check.subList(2, check.size()).stream()
                            .map(p -> '"' + p + '"').toList());
                }
                json.append('}');
            }
            json.append("]}");
        });
        return json.append('}').toString();
    }

    /**
     * Conversations of both tenants over a day: a tenth answered by a bot alone; the others assigned
     * to one of four agents, one to four exchanges with replies from 5 s to 2 min, agent lines with and
     * without the phrases (Chinese too), one or two transfers in some, most resolved (a survey offered
     * right after most of them, a few reopened and resolved again), some moved to a queue and
     * abandoned there; one event in ten delivered twice.
     */
    private static List<ConversationEvent> scriptedDay(Random random) {
        List<ConversationEvent> events = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String tenant = i % 5 == 4 ? "globex" : "acme";
            TestConversation c = new TestConversation(tenant, "conv-" + i);
            List<ConversationEvent> script = new ArrayList<>();
            long[] at = {DAY + (long) (random.nextDouble() * Duration.ofHours(22).toMillis())};
            if (random.nextInt(10) == 0) {
                script.add(c.opened(at[0], null));
                script.add(c.customerSays(at[0] += 1_000, "hello"));
                script.add(c.message(at[0] += 2_000, SenderKind.BOT, "bot", "hello, anything else?"));
                script.add(c.resolved(at[0] += 2_000, null));
            } else {
                String agent = "agent-" + random.nextInt(4);
                script.add(c.opened(at[0], "support"));
                script.add(c.customerSays(at[0] += 1_000, "my parcel is late"));
                script.add(c.assigned(at[0] += 20_000, agent));
                agent = stretch(c, agent, random, at, script);
                int ending = random.nextInt(10);
                if (ending < 2) {
                    script.add(c.transferredToQueue(at[0] += 5_000, agent, "billing"));
                    script.add(c.abandoned(at[0] += 60_000, "billing"));
                } else {
                    script.add(c.resolved(at[0] += 5_000, agent));
                    if (random.nextInt(4) > 0) {
                        script.add(c.surveyOffered(at[0], agent));
                    }
                    if (ending == 9) {
                        script.add(c.reopened(at[0] += 600_000));
                        agent = stretch(c, agent, random, at, script);
                        script.add(c.resolved(at[0] += 5_000, agent));
                    }
                }
            }
            for (ConversationEvent event : script) {
                events.add(event);
                if (random.nextInt(10) == 0) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** Exchanges of customer and agent messages, transfers among them; returns the agent at the end. */
    private static String stretch(TestConversation c, String agent, Random random, long[] at,
                                  List<ConversationEvent> script) {
        int exchanges = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(4);
        int transfers = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
        for (int e = 0; e < exchanges; e++) {
            if (e > 0) {
                script.add(c.customerSays(at[0] += 10_000, "and?"));
            }
            if (transfers > 0 && e == exchanges - 1) {
                for (int t = 0; t < transfers; t++) {
                    String next = "agent-" + random.nextInt(4);
                    if (!next.equals(agent)) {
                        script.add(c.transferredToAgent(at[0] += 2_000, agent, next));
                        agent = next;
                    }
                }
            }
            List<String> lines = e == 0 ? FIRST_LINES : e == exchanges - 1 ? LAST_LINES : LINES;
            at[0] += 5_000 + random.nextInt(115_000);
            script.add(c.message(at[0], SenderKind.AGENT, agent, lines.get(random.nextInt(lines.size()))));
            if (e == 0 && exchanges > 1 && random.nextBoolean()) {
                script.add(c.message(at[0] += 3_000, SenderKind.AGENT, agent, LINES.get(random.nextInt(LINES.size()))));
            }
        }
        return agent;
    }

    /** One ended stretch as the definition scores it. */
    private record Score(String tenant, String conversation, long endedAt, String agent, String queue, String ending,
                         int passed, int applicable) {
        double score() {
            return 100.0 * passed / applicable;
        }
    }

    /** The definition applied to the events as a reader of docs/kpi-qa.md would. */
    private static final class Reference {
        final Map<String, Score> scores = new LinkedHashMap<>();
        final List<String> failed = new ArrayList<>();
        final List<String> notApplicable = new ArrayList<>();

        /** One stretch of a conversation while it goes on and until the next (re)open. */
        private static final class Stretch {
            String lastAgent;
            final List<String[]> agentMessages = new ArrayList<>();
            final List<String[]> replies = new ArrayList<>();
            final List<String[]> transfers = new ArrayList<>();
            boolean surveyOffered;
            String ending;
            long endedAt;
            String creditedAgent;
            String queue;
        }

        Reference(List<ConversationEvent> delivered) {
            Set<String> seen = new HashSet<>();
            Map<String, Stretch> stretches = new HashMap<>();
            Map<String, String> assignee = new HashMap<>();
            Map<String, String> queue = new HashMap<>();
            Map<String, Long> waitingSince = new HashMap<>();
            for (ConversationEvent event : delivered) {
                if (!seen.add(event.getEventId())) {
                    continue;
                }
                String id = event.getConversationId();
                Object payload = event.getPayload();
                long at = event.getEventTime();
                if (payload instanceof ConversationOpened opened) {
                    queue.put(id, opened.getQueueId() == null ? "" : opened.getQueueId());
                } else if (payload instanceof ConversationQueued queued) {
                    queue.put(id, queued.getQueueId());
                    assignee.remove(id);
                } else if (payload instanceof AgentAssigned assigned) {
                    assignee.put(id, assigned.getAgentId());
                } else if (payload instanceof ConversationTransferred moved) {
                    if (moved.getToAgentId() == null) {
                        assignee.remove(id);
                    } else {
                        assignee.put(id, moved.getToAgentId());
                    }
                    if (moved.getToQueueId() != null) {
                        queue.put(id, moved.getToQueueId());
                    }
                }
                if (payload instanceof ConversationOpened || payload instanceof ConversationReopened) {
                    stretches.put(id, new Stretch());
                }
                Stretch s = stretches.get(id);
                // Reply times as metrics.md defines them, whatever the stretch.
                String[] reply = null;
                if (payload instanceof MessagePosted m && m.getSender() == SenderKind.CUSTOMER) {
                    waitingSince.putIfAbsent(id, at);
                } else if (payload instanceof MessagePosted m && m.getSender() == SenderKind.AGENT
                        && waitingSince.containsKey(id)) {
                    reply = new String[] {event.getEventId(), String.valueOf(at), String.valueOf(at - waitingSince.remove(id))};
                }
                if (s.ending != null) {
                    if (payload instanceof SurveyOffered && s.ending.equals("resolved")) {
                        s.surveyOffered = true;
                        score(event.getTenantId(), id, s);
                    }
                    continue;
                }
                if (assignee.containsKey(id)) {
                    s.lastAgent = assignee.get(id);
                }
                if (payload instanceof MessagePosted m && m.getSender() == SenderKind.AGENT) {
                    s.agentMessages.add(new String[] {event.getEventId(), String.valueOf(at), m.getText()});
                } else if (payload instanceof ConversationTransferred) {
                    s.transfers.add(new String[] {event.getEventId(), String.valueOf(at)});
                } else if (payload instanceof SurveyOffered) {
                    s.surveyOffered = true;
                }
                if (reply != null) {
                    s.replies.add(reply);
                }
                if (payload instanceof ConversationResolved resolved) {
                    end(s, "resolved", at, queue.get(id), resolved.getAgentId() != null ? resolved.getAgentId() : s.lastAgent);
                    score(event.getTenantId(), id, s);
                } else if (payload instanceof ConversationAbandoned) {
                    end(s, "abandoned", at, queue.get(id), s.lastAgent);
                    score(event.getTenantId(), id, s);
                }
            }
        }

        private static void end(Stretch s, String ending, long at, String queue, String credited) {
            s.ending = ending;
            s.endedAt = at;
            s.queue = queue;
            s.creditedAgent = credited;
        }

        /**
         * Scores (again) a stretch an agent joined; the newest verdicts replace the earlier ones. A
         * stretch no check applies to has no score.
         */
        private void score(String tenant, String conversation, Stretch s) {
            if (s.lastAgent == null) {
                return;
            }
            String key = tenant + "\t" + conversation + "\t" + s.endedAt;
            failed.removeIf(row -> row.startsWith(key + "\t"));
            notApplicable.removeIf(row -> row.startsWith(key + "\t"));
            int passed = 0;
            int applicable = 0;
            for (List<String> check : CARDS.get(tenant)) {
                String[] verdict = verdict(check, s);
                int weight = Integer.parseInt(check.get(1));
                if (verdict == null) {
                    notApplicable.add(key + "\t" + check.get(0));
                    continue;
                }
                applicable += weight;
                if (verdict.length == 0) {
                    passed += weight;
                } else {
                    failed.add(key + "\t" + check.get(0) + "\t" + verdict[0] + "\t" + verdict[1]);
                }
            }
            if (applicable == 0) {
                notApplicable.removeIf(row -> row.startsWith(key + "\t"));
                return;
            }
            scores.put(key, new Score(tenant, conversation, s.endedAt, s.creditedAgent, s.queue, s.ending, passed,
                    applicable));
        }

        /** Null: not applicable; empty: passed; else the failing message's id and time. */
        private static String[] verdict(List<String> check, Stretch s) {
            boolean resolved = s.ending.equals("resolved");
            List<String> phrases = check.subList(2, check.size());
            String[] none = {};
            String[] atEnd = {"", String.valueOf(s.endedAt)};
            switch (check.get(0)) {
                case "greeting" -> {
                    if (s.agentMessages.isEmpty()) {
                        return null;
                    }
                    String[] first = s.agentMessages.get(0);
                    return contains(first[2], phrases) ? none : first;
                }
                case "forbidden_phrases" -> {
                    if (s.agentMessages.isEmpty()) {
                        return null;
                    }
                    return s.agentMessages.stream().filter(m -> contains(m[2], phrases)).findFirst().orElse(none);
                }
                case "closing" -> {
                    if (!resolved || s.agentMessages.isEmpty()) {
                        return null;
                    }
                    String[] last = s.agentMessages.get(s.agentMessages.size() - 1);
                    return contains(last[2], phrases) ? none : last;
                }
                case "reply_time" -> {
                    if (s.replies.isEmpty()) {
                        return null;
                    }
                    long targetMs = Long.parseLong(check.get(2)) * 1_000;
                    return s.replies.stream().filter(r -> Long.parseLong(r[2]) > targetMs).findFirst().orElse(none);
                }
                case "transfers" -> {
                    int max = Integer.parseInt(check.get(2));
                    return s.transfers.size() > max ? s.transfers.get(max) : none;
                }
                case "survey_offered" -> {
                    if (!resolved) {
                        return null;
                    }
                    return s.surveyOffered ? none : atEnd;
                }
                default -> throw new IllegalArgumentException(check.get(0));
            }
        }

        /** Ignoring case; a phrase with a Chinese character anywhere, any other with no letter or digit either side. */
        private static boolean contains(String text, List<String> phrases) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String phrase : phrases) {
                String wanted = phrase.toLowerCase(Locale.ROOT);
                boolean anywhere = wanted.chars().anyMatch(ch -> ch > 0x2E80);
                for (int at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
                    if (anywhere || (!latin(lower, at - 1) && !latin(lower, at + wanted.length()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean latin(String text, int index) {
            return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index))
                    && text.charAt(index) < 0x2E80;
        }

        List<String> scoreRows() {
            return scores.values().stream().map(s -> String.join("\t", s.tenant(), s.conversation(),
                    String.valueOf(s.endedAt()), s.agent(), s.queue(), s.ending(), rounded(s.score()),
                    String.valueOf(s.passed()), String.valueOf(s.applicable()), String.valueOf(VERSIONS.get(s.tenant()))))
                    .toList();
        }

        Map<String, String> agentMeans(String tenant) {
            Map<String, List<Double>> byAgent = new TreeMap<>();
            scores.values().stream().filter(s -> s.tenant().equals(tenant))
                    .forEach(s -> byAgent.computeIfAbsent(s.agent(), a -> new ArrayList<>()).add(s.score()));
            Map<String, String> cells = new TreeMap<>();
            byAgent.forEach((agent, list) -> cells.put(agent, list.size() + "\t"
                    + rounded(list.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
            return cells;
        }

        Map<String, String> agentChecks(String tenant) {
            Map<String, int[]> counts = new TreeMap<>();
            for (Score s : scores.values()) {
                if (!s.tenant().equals(tenant)) {
                    continue;
                }
                String key = tenant + "\t" + s.conversation() + "\t" + s.endedAt() + "\t";
                for (List<String> check : CARDS.get(tenant)) {
                    int[] c = counts.computeIfAbsent(s.agent() + "\t" + check.get(0), k -> new int[2]);
                    if (!notApplicable.contains(key + check.get(0))) {
                        c[0]++;
                    }
                    if (failed.stream().anyMatch(f -> f.startsWith(key + check.get(0) + "\t"))) {
                        c[1]++;
                    }
                }
            }
            Map<String, String> cells = new TreeMap<>();
            counts.forEach((key, c) -> cells.put(key, c[0] + "\t" + c[1]));
            return cells;
        }

        Map<String, String> failedConversations(String tenant, String agent, String check) {
            Map<String, String> cells = new TreeMap<>();
            for (Score s : scores.values()) {
                String key = tenant + "\t" + s.conversation() + "\t" + s.endedAt() + "\t" + check + "\t";
                if (s.tenant().equals(tenant) && s.agent().equals(agent)) {
                    failed.stream().filter(f -> f.startsWith(key)).findFirst().ifPresent(f ->
                            cells.put(s.conversation() + "\t" + s.endedAt(), f.substring(key.length())));
                }
            }
            return cells;
        }

        private static String rounded(double value) {
            return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
    }
}
