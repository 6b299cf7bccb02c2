package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the topics of every customer message, every conversation's topics and contact reason,
 * the counts per queue and minute and the heat-map cells of a scripted day and a half, computed here
 * from the written definitions (docs/kpi-topics.md) by a plain reading of the catalogue (none of the
 * job's code), equal what the real job stores in the real ClickHouse; and still do after the whole
 * topic is replayed into the tables a second time (redelivered events included). FRT, resolution time
 * and CSAT per contact reason, and the report views filtered by one, equal the same definitions
 * (README's KPI table) applied here to the events.
 */
class ContactReasonDayTest {

    private static final long SEED = 20_261_207L;
    private static final long DAY = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();
    private static final long PERIOD_MS = Duration.ofHours(36).toMillis();
    private static final int CONVERSATIONS = 150;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> QUEUES = List.of("sales", "support");
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Each tenant's catalogue in the file's order: name, then phrases, then patterns after "re:". */
    private static final Map<String, List<List<String>>> CATALOGUES = Map.of(
            "acme", List.of(
                    List.of("returns", "return", "send it back", "退货", "re:refund(ed|s)?"),
                    List.of("delivery", "delivery", "parcel", "快递", "配送"),
                    List.of("payment", "card", "invoice", "re:charged \\d+ times"),
                    List.of("account", "password", "ログイン")),
            "globex", List.of(List.of("shipping", "parcel", "delivery")));

    private static final List<String> FRAGMENTS = List.of("hello", "my parcel is late", "I want to return this",
            "我想退货", "快递还没到", "was I charged 2 times?", "REFUND please", "the returned box", "password reset",
            "ログインできません", "我要refund", "thanks", "card declined", "Send It Back", "a postcard", "配送について",
            "invoice #12, delivery", "where is it");

    @Test
    void topicsReasonsCountsAndHeatMapsAreTheOnesOfTheDefinitions() throws Exception {
        List<ConversationEvent> delivered = scriptedDay(new Random(SEED));
        Reference reference = new Reference(delivered);
        assertThat(reference.messages).as("tagged messages").hasSizeGreaterThan(150);
        assertThat(reference.messages.stream().filter(m -> m.rank > 1)).as("messages with two topics or more").isNotEmpty();
        try (LocalEngines engines = LocalEngines.start("contact-reasons-")) {
            Path catalogue = engines.data().resolve("topics.json");
            Files.writeString(catalogue, catalogueJson());
            engines.produce(delivered.toArray(ConversationEvent[]::new));
            Map<String, String> settings = Map.of("TOPIC_CATALOGUE_FILE", catalogue.toString());
            engines.runBoundedKpiJob("contact-reasons", DEADLINE, settings);
            assertStored(engines, reference, "after the first run");
            engines.runBoundedKpiJob("contact-reasons-replay", DEADLINE, settings);
            assertStored(engines, reference, "after a replay of every event");
        }
    }

    private static void assertStored(LocalEngines engines, Reference reference, String when) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String tenant : CATALOGUES.keySet()) {
            softly.assertThat(rows(engines, "SELECT conversation_id, event_id, toUnixTimestamp64Milli(at), queue_id, topic,"
                    + " rank FROM message_topics FINAL WHERE tenant_id = '" + tenant + "'"))
                    .as("message_topics of %s %s", tenant, when)
                    .containsExactlyInAnyOrderElementsOf(reference.messageRows(tenant));
            softly.assertThat(rows(engines, "SELECT conversation_id, event_id, toUnixTimestamp64Milli(at), queue_id, topic,"
                    + " toUInt8(contact_reason) FROM conversation_topics FINAL WHERE tenant_id = '" + tenant + "'"))
                    .as("conversation_topics of %s %s", tenant, when)
                    .containsExactlyInAnyOrderElementsOf(reference.conversationRows(tenant));
        }
        long to = DAY + PERIOD_MS;
        softly.assertThat(cells(engines, "SELECT toUnixTimestamp(minute), queue_id, topic, messages, conversations FROM"
                + " topic_counts_by_minute" + args("acme", DAY, to, "", null), 3))
                .as("topic_counts_by_minute %s", when)
                .isEqualTo(reference.cells("acme", "", m -> m.at / 60_000 * 60 + "\t" + m.queue));
        for (String tz : List.of("Asia/Shanghai", "America/New_York")) {
            for (String queue : List.of("", "support")) {
                ZoneId zone = ZoneId.of(tz);
                softly.assertThat(cells(engines, "SELECT weekday, hour, topic, messages, conversations FROM topic_heat_map"
                        + args("acme", DAY, to, queue, tz), 3))
                        .as("topic_heat_map in %s, queue '%s' %s", tz, queue, when)
                        .isEqualTo(reference.cells("acme", queue, m -> {
                            ZonedDateTime local = Instant.ofEpochMilli(m.at).atZone(zone);
                            return local.getDayOfWeek().getValue() + "\t" + local.getHour();
                        }));
            }
        }
        long now = DAY + Duration.ofHours(10).plusMinutes(2).plusSeconds(30).toMillis();
        long liveFrom = now / 300_000 * 300_000 - Duration.ofMinutes(55).toMillis();
        softly.assertThat(cells(engines, "SELECT toUnixTimestamp(cell), topic, messages, conversations FROM topic_live_cells"
                + args("acme", liveFrom, now, "", null), 2))
                .as("topic_live_cells %s", when)
                .isEqualTo(reference.cells("acme", "", m -> m.at >= liveFrom && m.at < now
                        ? String.valueOf(m.at / 300_000 * 300) : null));
        softly.assertThat(cells(engines, "SELECT reason, conversations FROM contact_reason_counts"
                + args("acme", DAY, to, "", null), 1))
                .as("contact_reason_counts %s", when).isEqualTo(reference.contactReasons("acme"));
        assertPerContactReason(softly, engines, reference, when);
        softly.assertAll();
    }

    /**
     * report_contact_reasons over the whole day and a window that cuts conversations in two (a figure
     * belongs to the period of the event that completes it), and report_first_responses and
     * report_resolution_times filtered by each reason, against {@link Reference#perReason}.
     */
    private static void assertPerContactReason(SoftAssertions softly, LocalEngines engines, Reference reference,
                                               String when) throws Exception {
        long[][] windows = {{DAY, DAY + PERIOD_MS}, {DAY + Duration.ofHours(5).toMillis(), DAY + Duration.ofHours(17).toMillis()}};
        for (long[] window : windows) {
            String args = "(tenant = 'acme', from = '" + SQL_TIME.format(Instant.ofEpochMilli(window[0])) + "', to = '"
                    + SQL_TIME.format(Instant.ofEpochMilli(window[1])) + "', tz = 'UTC', bucket = 'period',"
                    + " by_agent = false, by_queue = false, queue = '', agent = '', channel = ''";
            Map<String, List<String>> expected = reference.perReason("acme", window[0], window[1]);
            Map<String, List<String>> stored = new TreeMap<>();
            for (List<String> row : engines.query("SELECT reason, frt_n, frt_median_ms, frt_p90_ms, resolution_n,"
                    + " resolution_median_ms, resolution_p90_ms, ratings, csat FROM report_contact_reasons" + args + ")")) {
                stored.put(row.get(0), rounded(row.subList(1, row.size())));
            }
            softly.assertThat(stored).as("report_contact_reasons from %s %s", window[0], when).isEqualTo(expected);
            assertThat(expected).as("reasons with figures in the window").hasSizeGreaterThan(3);
            for (Map.Entry<String, List<String>> reason : expected.entrySet()) {
                if (reason.getKey().isEmpty()) {
                    continue;
                }
                String filtered = args + ", reason = '" + reason.getKey() + "')";
                List<String> frt = engines.query("SELECT n, median_ms, p90_ms FROM report_first_responses" + filtered).get(0);
                List<String> resolution = engines.query("SELECT n, median_ms, p90_ms FROM report_resolution_times"
                        + filtered).get(0);
                softly.assertThat(rounded(concat(frt, resolution))).as("report views filtered by %s %s", reason.getKey(), when)
                        .isEqualTo(reason.getValue().subList(0, 6));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Numbers to three decimals, so the engine's and the reference's doubles compare as text. */
    private static List<String> rounded(List<String> values) {
        return values.stream().map(v -> v == null || v.equals("\\N") || v.equals("null") ? "null"
                : String.format(Locale.ROOT, "%.3f", Double.parseDouble(v))).toList();
    }

    /** The views' parameters as metrics-api passes them. */
    private static String args(String tenant, long from, long to, String queue, String tz) {
        return "(tenant = '" + tenant + "', from = '" + SQL_TIME.format(Instant.ofEpochMilli(from)) + "', to = '"
                + SQL_TIME.format(Instant.ofEpochMilli(to)) + "', queue = '" + queue + "'"
                + (tz == null ? "" : ", tz = '" + tz + "'") + ")";
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

    private static String catalogueJson() {
        StringBuilder json = new StringBuilder("{");
        CATALOGUES.forEach((tenant, topics) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(tenant).append("\": [");
            for (int t = 0; t < topics.size(); t++) {
                List<String> topic = topics.get(t);
                List<String> phrases = topic.subList(1, topic.size()).stream().filter(p -> !p.startsWith("re:")).toList();
                List<String> patterns = topic.subList(1, topic.size()).stream().filter(p -> p.startsWith("re:"))
                        .map(p -> p.substring(3)).toList();
                json.append(t > 0 ? "," : "").append("{\"name\": \"").append(topic.get(0)).append("\", \"phrases\": ")
                        .append(strings(phrases)).append(", \"patterns\": ").append(strings(patterns)).append('}');
            }
            json.append(']');
        });
        return json.append('}').toString();
    }

    private static String strings(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\") + '"').toList().toString();
    }

    /**
     * Conversations of both tenants over 36 hours: customer messages of one to three fragments, agent
     * messages naming topics (not tagged), a quarter transferred to the other queue half-way, one
     * customer message in ten delivered twice.
     */
    private static List<ConversationEvent> scriptedDay(Random random) {
        List<ConversationEvent> events = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String tenant = i % 5 == 4 ? "globex" : "acme";
            TestConversation c = new TestConversation(tenant, "conv-" + i);
            long at = DAY + (long) (random.nextDouble() * (PERIOD_MS - Duration.ofHours(1).toMillis()));
            int queue = random.nextInt(2);
            events.add(c.opened(at, QUEUES.get(queue)));
            int messages = 1 + random.nextInt(5);
            for (int m = 0; m < messages; m++) {
                at += 1_000 + random.nextInt(400_000);
                if (m == 2 && i % 4 == 0) {
                    events.add(c.transferredToQueue(at, null, QUEUES.get(1 - queue)));
                    at += 1_000;
                }
                ConversationEvent message = c.customerSays(at, sentence(random));
                events.add(message);
                if (random.nextInt(10) == 0) {
                    events.add(message);
                }
                at += 1_000;
                events.add(c.message(at, SenderKind.AGENT, "agent-1", "do you want to return the parcel?"));
            }
            events.add(c.resolved(at + 5_000, "agent-1"));
            if (i % 3 != 2) {
                events.add(c.csat(at + 65_000, 1 + i % 5, "", "agent-1"));
            }
        }
        return events;
    }

    private static String sentence(Random random) {
        List<String> parts = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            parts.add(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return String.join(random.nextBoolean() ? ", " : " ", parts);
    }

    private record Tagged(String tenant, String conversation, String eventId, long at, String queue, String topic,
                          int rank) {
    }

    /** A figure of a conversation: the time of the event that completes it and its value. */
    private record Figure(String tenant, String conversation, long at, long value) {
    }

    /** The definitions applied to the events as a reader of docs/kpi-topics.md would. */
    private static final class Reference {
        final List<Tagged> messages = new ArrayList<>();
        final List<Tagged> firstNamed = new ArrayList<>();
        final List<Figure> firstResponses = new ArrayList<>();
        final List<Figure> resolutions = new ArrayList<>();
        final List<Figure> ratings = new ArrayList<>();

        Reference(List<ConversationEvent> delivered) {
            figures(delivered);
            Map<String, String> queues = new HashMap<>();
            Map<String, List<String>> named = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConversationEvent event : delivered) {
                if (!seen.add(event.getEventId())) {
                    continue;
                }
                String conversation = event.getConversationId();
                if (event.getPayload() instanceof io.chatpulse.events.ConversationOpened opened) {
                    queues.put(conversation, opened.getQueueId());
                } else if (event.getPayload() instanceof io.chatpulse.events.ConversationTransferred moved) {
                    queues.put(conversation, moved.getToQueueId());
                } else if (event.getPayload() instanceof MessagePosted message && message.getSender() == SenderKind.CUSTOMER) {
                    List<String> topics = topicsOf(CATALOGUES.get(event.getTenantId()), message.getText());
                    for (int r = 0; r < topics.size(); r++) {
                        Tagged tag = new Tagged(event.getTenantId(), conversation, event.getEventId(), event.getEventTime(),
                                queues.get(conversation), topics.get(r), r + 1);
                        messages.add(tag);
                        List<String> before = named.computeIfAbsent(conversation, k -> new ArrayList<>());
                        if (!before.contains(tag.topic())) {
                            firstNamed.add(new Tagged(tag.tenant(), conversation, tag.eventId(), tag.at(), tag.queue(),
                                    tag.topic(), before.isEmpty() ? 1 : 0));
                            before.add(tag.topic());
                        }
                    }
                }
            }
        }

        /**
         * README's KPI table: FRT from the open to the first human agent message (no reopen, no bot
         * here), resolution time from the open to the resolution, CSAT from the rating, each at the
         * time of the event that completes it.
         */
        private void figures(List<ConversationEvent> delivered) {
            Map<String, Long> opened = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConversationEvent event : delivered) {
                if (!seen.add(event.getEventId())) {
                    continue;
                }
                String conversation = event.getConversationId();
                long at = event.getEventTime();
                Object payload = event.getPayload();
                if (payload instanceof io.chatpulse.events.ConversationOpened) {
                    opened.put(conversation, at);
                } else if (payload instanceof MessagePosted message && message.getSender() == SenderKind.AGENT
                        && firstResponses.stream().noneMatch(f -> f.conversation().equals(conversation)
                        && f.tenant().equals(event.getTenantId()))) {
                    firstResponses.add(new Figure(event.getTenantId(), conversation, at, at - opened.get(conversation)));
                } else if (payload instanceof io.chatpulse.events.ConversationResolved) {
                    resolutions.add(new Figure(event.getTenantId(), conversation, at, at - opened.get(conversation)));
                } else if (payload instanceof io.chatpulse.events.CsatSubmitted rated) {
                    ratings.add(new Figure(event.getTenantId(), conversation, at, rated.getRating()));
                }
            }
        }

        /**
         * Per contact reason ('' none) of the tenant's conversations with a figure in [from, to): FRT
         * count, median, p90, resolution time count, median, p90, ratings, CSAT (ratings of 4 or 5 /
         * ratings x 100); a quantile or CSAT of nothing is null.
         */
        Map<String, List<String>> perReason(String tenant, long from, long to) {
            Map<String, String> reasons = new HashMap<>();
            firstNamed.stream().filter(m -> m.tenant().equals(tenant) && m.rank() == 1)
                    .forEach(m -> reasons.put(m.conversation(), m.topic()));
            Map<String, List<List<Long>>> values = new TreeMap<>();
            List<List<Figure>> families = List.of(firstResponses, resolutions, ratings);
            for (int f = 0; f < families.size(); f++) {
                for (Figure figure : families.get(f)) {
                    if (figure.tenant().equals(tenant) && figure.at() >= from && figure.at() < to) {
                        values.computeIfAbsent(reasons.getOrDefault(figure.conversation(), ""),
                                r -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())).get(f).add(figure.value());
                    }
                }
            }
            Map<String, List<String>> rows = new TreeMap<>();
            values.forEach((reason, v) -> {
                List<String> row = new ArrayList<>();
                for (List<Long> times : v.subList(0, 2)) {
                    row.add(String.valueOf(times.size()));
                    row.add(quantile(times, 0.5));
                    row.add(quantile(times, 0.9));
                }
                row.add(String.valueOf(v.get(2).size()));
                row.add(v.get(2).isEmpty() ? "null"
                        : String.valueOf(100.0 * v.get(2).stream().filter(r -> r >= 4).count() / v.get(2).size()));
                rows.put(reason, rounded(row));
            });
            return rows;
        }

        /** PERCENTILE.INC: position (n - 1) * p, linear between the closest ranks. */
        private static String quantile(List<Long> values, double p) {
            if (values.isEmpty()) {
                return "null";
            }
            List<Long> sorted = values.stream().sorted().toList();
            double position = (sorted.size() - 1) * p;
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.size() - 1);
            return String.valueOf(sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below)));
        }

        /**
         * A topic's place in the text is that of its earliest phrase or pattern match: a phrase with
         * a Chinese or Japanese character anywhere, any other on word boundaries (no Latin letter or
         * digit either side), both ignoring case; topics by place, then catalogue order.
         */
        static List<String> topicsOf(List<List<String>> catalogue, String text) {
            Map<Integer, List<String>> byPlace = new TreeMap<>();
            for (List<String> topic : catalogue) {
                int place = Integer.MAX_VALUE;
                for (String phrase : topic.subList(1, topic.size())) {
                    place = Math.min(place, placeOf(phrase, text));
                }
                if (place != Integer.MAX_VALUE) {
                    byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(topic.get(0));
                }
            }
            return byPlace.values().stream().flatMap(List::stream).toList();
        }

        private static int placeOf(String phrase, String text) {
            if (phrase.startsWith("re:")) {
                java.util.regex.Matcher m = Pattern.compile(phrase.substring(3), Pattern.CASE_INSENSITIVE).matcher(text);
                return m.find() ? m.start() : Integer.MAX_VALUE;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            String wanted = phrase.toLowerCase(Locale.ROOT);
            boolean anywhere = wanted.chars().anyMatch(ch -> ch > 0x2E80);
            for (int at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
                if (anywhere || (!latin(lower, at - 1) && !latin(lower, at + wanted.length()))) {
                    return at;
                }
            }
            return Integer.MAX_VALUE;
        }

        private static boolean latin(String text, int index) {
            return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index))
                    && text.charAt(index) < 0x2E80;
        }

        List<String> messageRows(String tenant) {
            return messages.stream().filter(m -> m.tenant().equals(tenant)).map(m -> String.join("\t", m.conversation(),
                    m.eventId(), String.valueOf(m.at()), m.queue(), m.topic(), String.valueOf(m.rank()))).toList();
        }

        /** The contact reason is the first topic named: rank 1 here marks it. */
        List<String> conversationRows(String tenant) {
            return firstNamed.stream().filter(m -> m.tenant().equals(tenant)).map(m -> String.join("\t", m.conversation(),
                    m.eventId(), String.valueOf(m.at()), m.queue(), m.topic(), String.valueOf(m.rank()))).toList();
        }

        /**
         * Per cell (the key; null: outside) and topic: the tagged messages and their distinct
         * conversations, of the queue ('' all).
         */
        Map<String, String> cells(String tenant, String queue, Function<Tagged, String> cellOf) {
            Map<String, Set<String>> messageIds = new TreeMap<>();
            Map<String, Set<String>> conversations = new TreeMap<>();
            for (Tagged m : messages) {
                String cell = cellOf.apply(m);
                if (m.tenant().equals(tenant) && (queue.isEmpty() || queue.equals(m.queue())) && cell != null) {
                    String key = cell + "\t" + m.topic();
                    messageIds.computeIfAbsent(key, k -> new HashSet<>()).add(m.eventId());
                    conversations.computeIfAbsent(key, k -> new HashSet<>()).add(m.conversation());
                }
            }
            Map<String, String> cells = new TreeMap<>();
            messageIds.forEach((key, ids) -> cells.put(key, ids.size() + "\t" + conversations.get(key).size()));
            return cells;
        }

        Map<String, String> contactReasons(String tenant) {
            Map<String, Integer> counts = new TreeMap<>();
            firstNamed.stream().filter(m -> m.tenant().equals(tenant) && m.rank() == 1)
                    .forEach(m -> counts.merge(m.topic(), 1, Integer::sum));
            Map<String, String> cells = new TreeMap<>();
            counts.forEach((topic, n) -> cells.put(topic, String.valueOf(n)));
            return cells;
        }
    }
}
