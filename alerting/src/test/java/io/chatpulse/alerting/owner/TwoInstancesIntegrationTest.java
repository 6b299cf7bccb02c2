package io.chatpulse.alerting.owner;

import static io.chatpulse.alerting.support.TestStack.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.alerting.AlertingApplication;
import io.chatpulse.alerting.incident.IncidentTopology;
import io.chatpulse.alerting.support.TestStack;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.process.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of the app in one consumer group, each holding part of the tenants' stores: either
 * instance answers every tenant's incidents, silences and deliveries, and acknowledges any
 * tenant's incident, as the instance holding it would.
 */
class TwoInstancesIntegrationTest {

    private static final Path WORK = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
    private static final String APPLICATION_ID = "chatpulse-alerting-two-" + UUID.randomUUID();
    private static final int PARTITIONS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaBroker broker;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    /** One tenant on each partition of the tenant-keyed topics, so each instance holds one and lacks another. */
    private static final List<String> tenants = tenantPerPartition();

    @BeforeAll
    static void start() {
        broker = TestStack.startBroker(WORK);
        for (int i = 1; i <= 2; i++) {
            int port = Ports.free();
            ports.add(port);
            instances.add(instance(i, port));
        }
    }

    @AfterAll
    static void stop() {
        try {
            instances.forEach(ConfigurableApplicationContext::close);
        } finally {
            broker.close();
        }
    }

    @Test
    void eitherInstanceAnswersEveryTenantAndForwardsWhatItDoesNotHold() throws Exception {
        awaitBothHoldPartitions();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String tenant : tenants) {
                AlertEvent firing = firing(tenant);
                producer.send(new ProducerRecord<>(Topics.ALERTS, tenant + "|queue_wait|queue:q", EventCodec.ALERT.encode(firing))).get();
            }
        }
        List<String> servedBy = new ArrayList<>();
        for (String tenant : tenants) {
            for (int port : ports) {
                HttpResponse<String> alerts = awaitValue(tenant + "'s incident through instance " + port,
                        () -> Optional.of(get(port, "/api/v1/alerts", tenant)).filter(r -> r.body().contains("queue:q")));
                assertThat(alerts.statusCode()).isEqualTo(200);
                assertThat(alerts.body()).contains("\"tenant\":\"" + tenant + "\"").doesNotContain(othersThan(tenant));
                servedBy.add(port + "<-" + alerts.headers().firstValue(OwnerForwarding.SERVED_BY).orElseThrow());
                assertThat(get(port, "/api/v1/silences", tenant).statusCode()).isEqualTo(200);
                assertThat(get(port, "/api/v1/alerts/deliveries", tenant).statusCode()).isEqualTo(200);
            }
        }
        for (int port : ports) {
            assertThat(servedBy).as("instance %d answers some tenant itself and forwards another", port)
                    .contains(port + "<-localhost:" + port).anyMatch(s -> s.startsWith(port + "<-") && !s.endsWith(":" + port));
        }
        for (String tenant : tenants) {
            int notHolding = ports.stream().filter(p -> !heldBy(tenant, p)).findFirst().orElseThrow();
            HttpResponse<String> ack = post(notHolding, "/api/v1/alerts/" + tenant + "/queue_wait/queue:q/acknowledge", tenant);
            assertThat(ack.statusCode()).as("acknowledged through %d", notHolding).isEqualTo(202);
            for (int port : ports) {
                awaitValue(tenant + "'s acknowledgement seen through " + port,
                        () -> Optional.of(get(port, "/api/v1/alerts", tenant).body()).filter(b -> b.contains("\"acknowledged\":true")));
            }
        }
    }

    private static boolean heldBy(String tenant, int port) {
        StoreOwners owners = instances.get(ports.indexOf(port)).getBean(StoreOwners.class);
        return owners.ownerOf(IncidentTopology.INCIDENT_STORE, tenant) instanceof StoreOwners.Owner.Local;
    }

    private static String[] othersThan(String tenant) {
        return tenants.stream().filter(t -> !t.equals(tenant)).map(t -> "\"tenant\":\"" + t + "\"").toArray(String[]::new);
    }

    private static void awaitBothHoldPartitions() throws InterruptedException {
        awaitValue("both instances running with partitions of their own", () -> Optional.of(instances).filter(all -> all.stream()
                .map(context -> context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams())
                .allMatch(streams -> streams != null && streams.state() == KafkaStreams.State.RUNNING
                        && streams.metadataForLocalThreads().stream().anyMatch(thread -> !thread.activeTasks().isEmpty())
                        && streams.metadataForAllStreamsClients().size() == 2)));
    }

    private static ConfigurableApplicationContext instance(int number, int port) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", port);
        settings.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        settings.put("spring.kafka.streams.application-id", APPLICATION_ID);
        settings.put("spring.kafka.streams.state-dir", WORK.resolve("state-" + number).toString());
        settings.put("chatpulse.alerting.partitions", PARTITIONS);
        settings.put("chatpulse.alerting.repeat-interval", "1h");
        for (String tenant : tenants) {
            settings.put("chatpulse.security.api-keys.key-" + tenant, tenant);
        }
        // As command-line arguments: they override application.yml, where default properties would not.
        return new SpringApplicationBuilder(AlertingApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static List<String> tenantPerPartition() {
        String[] byPartition = new String[PARTITIONS];
        for (int i = 0; Arrays.asList(byPartition).contains(null); i++) {
            String tenant = "tenant" + i;
            int partition = Utils.toPositive(Utils.murmur2(tenant.getBytes())) % PARTITIONS;
            if (byPartition[partition] == null) {
                byPartition[partition] = tenant;
            }
        }
        return List.of(byPartition);
    }

    private static AlertEvent firing(String tenant) {
        return AlertEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTenantId(tenant).setRule("queue_wait")
                .setScope("queue:q").setState(AlertState.FIRING).setEventTime(System.currentTimeMillis())
                .setStartedAt(System.currentTimeMillis()).setValue(150).setThreshold(120).setSummary("oldest wait 150 s")
                .setReplay(false).build();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static HttpResponse<String> get(int port, String path, String tenant) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", "key-" + tenant).GET());
    }

    private static HttpResponse<String> post(int port, String path, String tenant) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", "key-" + tenant)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
