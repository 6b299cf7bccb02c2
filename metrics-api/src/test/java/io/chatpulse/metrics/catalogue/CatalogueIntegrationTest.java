package io.chatpulse.metrics.catalogue;

import static io.chatpulse.metrics.support.ApiAssertions.assertProblem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.Topics;
import io.chatpulse.events.TopicCatalogueVersion;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.metrics.tenantdoc.ConcurrentChangeException;
import io.chatpulse.topiccatalogue.LoadCommand;
import io.chatpulse.topiccatalogue.scorecard.ScorecardLoadCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API of the topic catalogue over real HTTP with a real Kafka broker (local-stack): every
 * change is a committed record of chatpulse.topic-catalogue that a reader of the topic decodes, with
 * its version; a stale If-Match is a 409, a change without one a 428; the catalogue rules' refusals
 * name the field; a tenant never sees or changes another's; only an admin key may call. The QA
 * scorecard's admin API, on the same tenant-document log (chatpulse.qa-scorecard), is held here
 * too, in the same Spring context and broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.nw-admin.tenant=northwind",
        "chatpulse.security.api-keys.nw-admin.role=admin",
        "chatpulse.security.api-keys.nw-mgr.tenant=northwind",
        "chatpulse.security.api-keys.nw-mgr.role=manager",
        "chatpulse.security.api-keys.in-admin.tenant=initech",
        "chatpulse.security.api-keys.in-admin.role=admin",
        "chatpulse.security.api-keys.co-admin.tenant=contoso",
        "chatpulse.security.api-keys.co-admin.role=admin",
        "chatpulse.security.api-keys.um-admin.tenant=umbrella",
        "chatpulse.security.api-keys.um-admin.role=admin",
        "chatpulse.security.api-keys.ho-admin.tenant=hooli",
        "chatpulse.security.api-keys.ho-admin.role=admin",
        "chatpulse.topic-catalogue.max-topics=3",
        "chatpulse.topic-catalogue.max-phrases=5"})
class CatalogueIntegrationTest {

    private static final String PATH = "/api/v1/admin/topic-catalogue";
    private static final String SCORECARD = "/api/v1/admin/qa-scorecard";
    private static final KafkaBroker BROKER = startBroker();

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("chatpulse.topic-catalogue.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("chatpulse.qa-scorecard.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    private static KafkaBroker startBroker() {
        KafkaBroker broker = KafkaBroker.start(Path.of("target", "catalogue-it", "kafka-" + ProcessHandle.current().pid()));
        broker.createContractTopics();
        return broker;
    }

    @Test
    void aCatalogueIsSavedAsVersionsOnTheCatalogueTopic() throws Exception {
        JsonNode none = ok(send("GET", PATH, "nw-admin", null, null));
        assertThat(none.get("version").asLong()).isZero();
        assertThat(none.get("topics")).isEmpty();

        String catalogue = """
                {"topics": [{"name": "returns", "phrases": ["return", "退货"], "patterns": ["refund(ed|s)?"]},
                            {"name": "delivery", "phrases": ["parcel"]}]}""";
        HttpResponse<String> created = send("PUT", PATH, "nw-admin", "\"0\"", catalogue);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode first = ok(created);
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("changedBy").asString()).isEqualTo("admin API");
        assertThat(names(ok(send("GET", PATH, "nw-admin", null, null)))).containsExactly("returns", "delivery");

        JsonNode second = ok(send("PUT", PATH + "/topics/payment", "nw-admin", "\"1\"", """
                {"phrases": ["card declined"]}"""));
        assertThat(second.get("version").asLong()).isEqualTo(2);
        assertThat(names(second)).containsExactly("returns", "delivery", "payment");
        JsonNode third = ok(send("PUT", PATH + "/topics/returns", "nw-admin", "W/\"2\"", """
                {"phrases": ["send it back"]}"""));
        assertThat(names(third)).containsExactly("returns", "delivery", "payment");
        assertThat(ok(send("GET", PATH + "/topics/returns", "nw-admin", null, null)).get("phrases").get(0).asString())
                .isEqualTo("send it back");
        JsonNode fourth = ok(send("DELETE", PATH + "/topics/delivery", "nw-admin", "\"3\"", null));
        assertThat(names(fourth)).containsExactly("returns", "payment");
        assertProblem(send("GET", PATH + "/topics/delivery", "nw-admin", null, null), 404);
        assertProblem(send("DELETE", PATH + "/topics/delivery", "nw-admin", "\"4\"", null), 404);

        // Durable and readable back: the topic itself holds every version, newest last.
        List<TopicCatalogueVersion> saved = versionsOnTheTopic("northwind");
        assertThat(saved).extracting(TopicCatalogueVersion::getVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(saved.get(3).getTopics()).extracting(t -> t.getName()).containsExactly("returns", "payment");

        JsonNode cleared = ok(send("DELETE", PATH, "nw-admin", "\"4\"", null));
        assertThat(cleared.get("version").asLong()).isEqualTo(5);
        assertThat(cleared.get("topics")).isEmpty();
    }

    @Test
    void aChangeOfAnOlderVersionIsRefusedWithTheCurrentOne() throws Exception {
        ok(send("PUT", PATH, "co-admin", "\"0\"", "{\"topics\": [{\"name\": \"returns\", \"phrases\": [\"return\"]}]}"));
        HttpResponse<String> stale = send("PUT", PATH, "co-admin", "\"0\"",
                "{\"topics\": [{\"name\": \"delivery\", \"phrases\": [\"parcel\"]}]}");
        assertProblem(stale, 409);
        assertThat(json.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.headers().firstValue("ETag")).contains("\"1\"");
        assertProblem(send("PUT", PATH, "co-admin", null, "{\"topics\": []}"), 428);
        HttpResponse<String> garbled = send("PUT", PATH, "co-admin", "\"one\"", "{\"topics\": []}");
        assertProblem(garbled, 400);
        assertThat(json.readTree(garbled.body()).get("parameter").asString()).isEqualTo("If-Match");
        assertThat(names(ok(send("GET", PATH, "co-admin", null, null)))).containsExactly("returns");
        assertThat(versionsOnTheTopic("contoso")).hasSize(1);
    }

    @Test
    void anInvalidCatalogueIsRefusedNamingTheFieldAndTheReason() throws Exception {
        assertInvalid("{\"topics\": [{\"name\": \" \", \"phrases\": [\"a\"]}]}", "topics[0].name", "must not be blank");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"x\"]}, {\"name\": \"a\", \"phrases\": [\"y\"]}]}",
                "topics[1].name", "'a' is named twice");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"x\", \"\"]}]}", "topics[0].phrases[1]",
                "must not be blank");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"patterns\": [\"(a+)\\\\1\"]}]}", "topics[0].patterns[0]",
                "not a regular expression (RE2 syntax): invalid escape sequence");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"patterns\": [\"x*\"]}]}", "topics[0].patterns[0]",
                "matches the empty text, so every message");
        assertInvalid("{\"topics\": [{\"name\": \"a\"}]}", "topics[0]", "needs at least one phrase or pattern");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"1\"]}, {\"name\": \"b\", \"phrases\": [\"2\"]},"
                + " {\"name\": \"c\", \"phrases\": [\"3\"]}, {\"name\": \"d\", \"phrases\": [\"4\"]}]}", "topics",
                "at most 3 topics, not 4");
        assertInvalid("{\"topics\": [{\"name\": \"a\", \"phrases\": [\"1\", \"2\", \"3\"], \"patterns\": [\"4\", \"5\", \"6\"]}]}",
                "topics", "at most 5 phrases and patterns, not 6");
        assertInvalid("{}", "topics", "must be a list of topics, not null");
        // One topic at a time, the whole catalogue it makes is checked.
        HttpResponse<String> one = send("PUT", PATH + "/topics/a", "ho-admin", "\"0\"", "{\"phrases\": []}");
        assertProblem(one, 400);
        assertThat(json.readTree(one.body()).get("field").asString()).isEqualTo("topics[0]");
        assertThat(ok(send("GET", PATH, "ho-admin", null, null)).get("version").asLong()).isZero();
        assertThat(versionsOnTheTopic("hooli")).isEmpty();
    }

    @Test
    void aTenantNeverSeesNorChangesAnothersCatalogue() throws Exception {
        ok(send("PUT", PATH + "/topics/billing", "in-admin", "\"0\"", "{\"phrases\": [\"invoice\"]}"));
        // northwind's key works on northwind's catalogue only, whatever initech holds.
        assertProblem(send("GET", PATH + "/topics/billing", "nw-admin", null, null), 404);
        assertThat(names(ok(send("GET", PATH, "nw-admin", null, null)))).doesNotContain("billing");
        assertThat(names(ok(send("GET", PATH, "in-admin", null, null)))).containsExactly("billing");
        assertThat(versionsOnTheTopic("initech")).hasSize(1);
    }

    @Test
    void onlyAnAdminKeyMayReadOrChangeTheCatalogue() throws Exception {
        assertProblem(send("GET", PATH, "nw-mgr", null, null), 403);
        assertProblem(send("PUT", PATH, "nw-mgr", "\"0\"", "{\"topics\": []}"), 403);
        assertProblem(send("GET", PATH, null, null, null), 401);
    }

    @Test
    void aFileIsLoadedThroughTheApiAfterTheSameChecks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalogue.json");
        Files.writeString(file, """
                {"umbrella": [{"name": "returns", "phrases": ["return"], "patterns": ["refund(ed|s)?"]}],
                 "initech": [{"name": "billing", "phrases": ["invoice"]}]}""");
        List<String> args = List.of(file.toString(), "--tenant", "umbrella", "--api", "http://127.0.0.1:" + port,
                "--key", "um-admin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new LoadCommand(new PrintStream(out, true, UTF_8)).run(args, Map.of())).as(out.toString(UTF_8))
                .isZero();
        assertThat(out.toString(UTF_8)).contains("tenant umbrella: version 1 saved, 1 topics");
        assertThat(names(ok(send("GET", PATH, "um-admin", null, null)))).containsExactly("returns");

        Files.writeString(file, """
                {"topics": [{"name": "returns", "patterns": ["(re)turn\\\\1"]}]}""");
        out.reset();
        assertThat(new LoadCommand(new PrintStream(out, true, UTF_8)).run(args, Map.of())).isEqualTo(2);
        assertThat(out.toString(UTF_8)).contains("topics[0].patterns[0]: not a regular expression (RE2 syntax)");

        Files.writeString(file, "{\"topics\": [{\"name\": \"returns\", \"phrases\": [\"return\"]}]}");
        out.reset();
        List<String> otherTenant = List.of(file.toString(), "--tenant", "northwind", "--api",
                "http://127.0.0.1:" + port, "--key", "um-admin");
        assertThat(new LoadCommand(new PrintStream(out, true, UTF_8)).run(otherTenant, Map.of())).isEqualTo(2);
        assertThat(out.toString(UTF_8)).contains("the key belongs to tenant 'umbrella', not 'northwind'");
        assertThat(versionsOnTheTopic("umbrella")).hasSize(1);
    }

    @Test
    void aScorecardIsSavedAsVersionsOnTheScorecardTopic() throws Exception {
        JsonNode none = ok(send("GET", SCORECARD, "nw-admin", null, null));
        assertThat(none.get("version").asLong()).isZero();
        assertThat(none.get("checks")).isEmpty();

        HttpResponse<String> created = send("PUT", SCORECARD, "nw-admin", "\"0\"", """
                {"checks": [{"check": "greeting", "weight": 2, "phrases": ["hello", "您好"]},
                            {"check": "reply_time", "weight": 3, "targetSeconds": 60},
                            {"check": "transfers", "weight": 1, "max": 1}]}""");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(ok(created).get("changedBy").asString()).isEqualTo("admin API");
        JsonNode read = ok(send("GET", SCORECARD, "nw-admin", null, null));
        assertThat(read.get("version").asLong()).isEqualTo(1);
        assertThat(read.get("checks").get(1).get("targetSeconds").asInt()).isEqualTo(60);
        HttpResponse<String> stale = send("PUT", SCORECARD, "nw-admin", "\"0\"",
                "{\"checks\": [{\"check\": \"survey_offered\", \"weight\": 1}]}");
        assertProblem(stale, 409);
        assertThat(json.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.headers().firstValue("ETag")).contains("\"1\"");
        assertProblem(send("PUT", SCORECARD, "nw-admin", null, "{\"checks\": []}"), 428);
        assertProblem(send("DELETE", SCORECARD, "nw-admin", null, null), 428);
        JsonNode cleared = ok(send("DELETE", SCORECARD, "nw-admin", "\"1\"", null));
        assertThat(cleared.get("version").asLong()).isEqualTo(2);

        // What the KPI job reads: committed versions, the first one's checks whole, the emptying one last.
        List<QaScorecardVersion> saved = versionsOn(Topics.QA_SCORECARD, EventCodec.QA_SCORECARD, "northwind");
        assertThat(saved).extracting(QaScorecardVersion::getVersion).containsExactly(1L, 2L);
        assertThat(saved.get(0).getChecks()).extracting(c -> c.getCheck())
                .containsExactly("greeting", "reply_time", "transfers");
        assertThat(saved.get(0).getChecks().get(0).getPhrases()).containsExactly("hello", "您好");
        assertThat(saved.get(0).getChecks().get(2).getMax()).isEqualTo(1);
        assertThat(saved.get(1).getChecks()).isEmpty();
    }

    @Test
    void anInvalidScorecardIsRefusedNamingTheFieldAndTheReason() throws Exception {
        assertInvalidScorecard("{\"checks\": []}", "checks", "needs at least one check");
        assertInvalidScorecard("{\"checks\": [{\"check\": \"smile\", \"weight\": 1}]}", "checks[0].check",
                "must be one of [greeting, forbidden_phrases, closing, reply_time, transfers, survey_offered]");
        assertInvalidScorecard("{\"checks\": [{\"check\": \"reply_time\", \"weight\": 1}]}",
                "checks[0].targetSeconds", "a whole number from 1 to 86400 is required");
        assertInvalidScorecard("{\"checks\": [{\"check\": \"survey_offered\", \"weight\": 1},"
                + " {\"check\": \"closing\", \"weight\": 0, \"phrases\": [\"bye\"]}]}", "checks[1].weight",
                "a whole number from 1 to 100 is required");
        assertThat(versionsOn(Topics.QA_SCORECARD, EventCodec.QA_SCORECARD, "hooli")).isEmpty();
    }

    @Test
    void aTenantNeverSeesNorChangesAnothersScorecardAndOnlyAnAdminMay() throws Exception {
        ok(send("PUT", SCORECARD, "in-admin", "\"0\"", "{\"checks\": [{\"check\": \"survey_offered\", \"weight\": 1}]}"));
        JsonNode other = ok(send("GET", SCORECARD, "co-admin", null, null));
        assertThat(other.get("tenantId").asString()).isEqualTo("contoso");
        assertThat(other.get("version").asLong()).isZero();
        // contoso's version 1 is its own, whatever initech holds.
        ok(send("PUT", SCORECARD, "co-admin", "\"0\"", "{\"checks\": [{\"check\": \"transfers\", \"weight\": 1, \"max\": 0}]}"));
        assertThat(ok(send("GET", SCORECARD, "in-admin", null, null)).get("checks").get(0).get("check").asString())
                .isEqualTo("survey_offered");
        assertThat(versionsOn(Topics.QA_SCORECARD, EventCodec.QA_SCORECARD, "initech")).hasSize(1);
        assertProblem(send("GET", SCORECARD, "nw-mgr", null, null), 403);
        assertProblem(send("PUT", SCORECARD, "nw-mgr", "\"0\"", "{\"checks\": []}"), 403);
        assertProblem(send("GET", SCORECARD, null, null, null), 401);
    }

    @Test
    void aScorecardFileIsLoadedThroughTheApiAfterTheSameChecks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scorecards.json");
        Files.writeString(file, """
                {"umbrella": {"version": 7, "checks": [{"check": "closing", "weight": 2, "phrases": ["goodbye"]}]},
                 "initech": {"version": 1, "checks": [{"check": "survey_offered", "weight": 1}]}}""");
        List<String> args = List.of(file.toString(), "--tenant", "umbrella", "--api", "http://127.0.0.1:" + port,
                "--key", "um-admin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new LoadCommand(new PrintStream(out, true, UTF_8), ScorecardLoadCommand.SCORECARD).run(args, Map.of()))
                .as(out.toString(UTF_8)).isZero();
        assertThat(out.toString(UTF_8)).contains("1 checks, valid").contains("tenant umbrella: version 1 saved, 1 checks");
        assertThat(ok(send("GET", SCORECARD, "um-admin", null, null)).get("checks").get(0).get("phrases").get(0)
                .asString()).isEqualTo("goodbye");

        Files.writeString(file, "{\"checks\": [{\"check\": \"greeting\", \"weight\": 1, \"phrases\": [\" \"]}]}");
        out.reset();
        assertThat(new LoadCommand(new PrintStream(out, true, UTF_8), ScorecardLoadCommand.SCORECARD).run(args, Map.of()))
                .isEqualTo(2);
        assertThat(out.toString(UTF_8)).contains("checks[0].phrases[0]: must not be blank");
        assertThat(versionsOn(Topics.QA_SCORECARD, EventCodec.QA_SCORECARD, "umbrella")).hasSize(1);
    }

    @Test
    void theScorecardsRefusalsAreInTheOpenApiDocument() throws Exception {
        JsonNode put = ok(send("GET", "/v3/api-docs", "nw-admin", null, null)).get("paths").get(SCORECARD).get("put");
        assertThat(put.get("responses").propertyNames()).contains("400", "403", "409", "428", "503");
    }

    private void assertInvalidScorecard(String body, String field, String reason) throws Exception {
        HttpResponse<String> response = send("PUT", SCORECARD, "ho-admin", "\"0\"", body);
        assertProblem(response, 400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid QA scorecard");
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("reason").asString()).startsWith(reason);
    }

    /**
     * Two instances of the API: the second saves while the first is between its read and its commit.
     * The first is fenced and refused; the topic holds the second's version alone.
     */
    @Test
    void aChangeCrossingAnotherInstancesChangeIsNotSaved() {
        CatalogueProperties settings = new CatalogueProperties(BROKER.bootstrapServers(), null, null, null, null, null);
        CatalogueLog first = new CatalogueLog(settings);
        CatalogueLog second = new CatalogueLog(settings);
        try {
            assertThatThrownBy(() -> first.change("initrode", 0, held -> {
                second.change("initrode", 0, none -> version("initrode", 1, "second"));
                return version("initrode", 1, "first");
            })).isInstanceOf(ConcurrentChangeException.class);
            assertThat(versionsOnTheTopic("initrode")).extracting(TopicCatalogueVersion::getChangedBy)
                    .containsExactly("second");
            assertThat(first.newest("initrode")).get().extracting(TopicCatalogueVersion::getChangedBy)
                    .isEqualTo("second");
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private static TopicCatalogueVersion version(String tenant, long version, String by) {
        return TopicCatalogueVersion.newBuilder().setTenantId(tenant).setVersion(version)
                .setTopics(List.of(CatalogueTopic.newBuilder().setName("returns").setPhrases(List.of("return"))
                        .setPatterns(List.of()).build()))
                .setChangedAt(0).setChangedBy(by).build();
    }

    private void assertInvalid(String body, String field, String reason) throws Exception {
        HttpResponse<String> response = send("PUT", PATH, "ho-admin", "\"0\"", body);
        assertProblem(response, 400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("reason").asString()).startsWith(reason);
    }

    private HttpResponse<String> send(String method, String path, String key, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> names(JsonNode catalogue) {
        List<String> names = new ArrayList<>();
        catalogue.get("topics").forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    /** The tenant's committed records on the catalogue topic, read as the KPI job reads them. */
    private static List<TopicCatalogueVersion> versionsOnTheTopic(String tenant) {
        return versionsOn(Topics.TOPIC_CATALOGUE, EventCodec.TOPIC_CATALOGUE, tenant);
    }

    /** The tenant's committed records on a tenant-document topic, read as the KPI job reads them. */
    private static <T extends SpecificRecordBase> List<T> versionsOn(String topic, EventCodec<T> codec, String tenant) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<T> versions = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(tenant)) {
                        versions.add(codec.decode(record.value()));
                    }
                }
            }
        }
        return versions;
    }
}
