package io.chatpulse.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.Topics;
import io.chatpulse.localstack.kafka.ContractTopics;
import io.chatpulse.localstack.kafka.KafkaCluster;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml checked without a Docker engine: the file parses, every service can start
 * (an image, its dependencies, volumes, environment, the jars it mounts exist under the names the
 * modules build), and Grafana gets the provisioning of this repository.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

    /** Services that run once and exit 0; every other service (outside a profile) runs on and has a health check. */
    private static final Set<String> ONE_SHOT = Set.of("topic-init", "migrations", "flink-checkpoints-init", "job-submitter");
    private static final List<String> KAFKA_NODES = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final Set<String> LONG_RUNNING = Set.of("kafka-1", "kafka-2", "kafka-3", "clickhouse", "jobmanager",
            "taskmanager-1", "taskmanager-2", "chat-core", "metrics-api", "alerting", "grafana");
    private static final String AVRO_TRUST = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events";

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyServiceHasAPinnedImage() {
        assertThat(services.keySet()).containsAll(LONG_RUNNING).containsAll(ONE_SHOT).contains("simulator");
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " image or build").isTrue();
            String image = String.valueOf(service.get("image"));
            assertThat(image).as(name + " image tag").matches("[\\w./-]+:[\\w.-]+").doesNotEndWith(":latest");
        });
        KAFKA_NODES.forEach(node -> assertThat(image(node)).startsWith("apache/kafka:").isEqualTo(image("topic-init")));
        assertThat(image("clickhouse")).startsWith("clickhouse/clickhouse-server:");
        assertThat(image("jobmanager")).startsWith("flink:").endsWith("-java17").isEqualTo(image("taskmanager-1"))
                .isEqualTo(image("taskmanager-2"))
                .isEqualTo(image("job-submitter"));
        assertThat(image("grafana")).startsWith("grafana/grafana:");
        for (String app : List.of("chat-core", "metrics-api", "alerting", "migrations", "simulator")) {
            assertThat(image(app)).as(app).isEqualTo("eclipse-temurin:17-jre");
        }
    }

    @Test
    void longRunningServicesHaveHealthChecksAndOneShotsDoNotRestart() {
        services.forEach((name, service) -> {
            boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
            assertThat(oneShot).as(name + " restart: \"no\" exactly for the one-shot services").isEqualTo(ONE_SHOT.contains(name));
            if (!oneShot && !service.containsKey("profiles")) {
                assertThat(healthCheck(name)).as(name + " health check").isNotEmpty();
            }
        });
        assertThat(list(services.get("simulator"), "profiles")).map(String::valueOf).containsExactly("simulator");
    }

    @Test
    void dependenciesExistAndTheirConditionsCanBeMet() {
        services.forEach((name, service) -> map(service, "depends_on").forEach((target, spec) -> {
            String where = name + " depends on " + target;
            assertThat(services).as(where).containsKey(target);
            assertThat(services.get(target).containsKey("profiles")).as(where + ": not on an optional service").isFalse();
            String condition = String.valueOf(((Map<?, ?>) spec).get("condition"));
            switch (condition) {
                case "service_healthy" -> assertThat(healthCheck(target)).as(where + " (healthy)").isNotEmpty();
                case "service_completed_successfully" -> assertThat(ONE_SHOT).as(where + " (completed)").contains(target);
                case "service_started" -> { }
                default -> throw new AssertionError(where + ": unknown condition " + condition);
            }
        }));
        services.keySet().forEach(name -> assertNoCycle(name, new ArrayList<>()));
        // The order the system needs: schema before its readers and writers, topics before producers.
        assertThat(map(services.get("job-submitter"), "depends_on")).containsKeys("migrations", "topic-init", "taskmanager-1",
                "taskmanager-2");
        assertThat(map(services.get("metrics-api"), "depends_on")).containsKey("migrations");
        assertThat(map(services.get("grafana"), "depends_on")).containsKey("migrations");
        assertThat(map(services.get("chat-core"), "depends_on")).containsKey("topic-init");
    }

    @Test
    void namedVolumesAreDeclaredAndBindMountsExist() {
        Set<String> declared = map(compose, "volumes").keySet();
        Set<String> used = new HashSet<>();
        services.forEach((name, service) -> {
            for (Mount mount : mounts(name)) {
                if (mount.named()) {
                    assertThat(declared).as(name + " volume " + mount.source()).contains(mount.source());
                    used.add(mount.source());
                } else if (!mount.source().contains("/target/")) {
                    assertThat(ROOT.resolve(mount.source())).as(name + " mounts " + mount.source()).exists();
                }
            }
        });
        assertThat(used).as("every declared volume is used").containsExactlyInAnyOrderElementsOf(declared);
    }

    /** JobManager and TaskManager write checkpoints where the submitter looks for the newest one to restore. */
    @Test
    void theFlinkServicesShareTheCheckpointFolder() throws IOException {
        Set<String> targets = new HashSet<>();
        for (String service : List.of("jobmanager", "taskmanager-1", "taskmanager-2", "job-submitter",
                "flink-checkpoints-init")) {
            Mount mount = mounts(service).stream().filter(m -> m.source().equals("flink-checkpoints")).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " does not mount flink-checkpoints"));
            targets.add(mount.target());
        }
        assertThat(targets).hasSize(1);
        assertThat(Files.readString(ROOT.resolve("deploy/submit-stream-jobs.sh"))).contains("file://" + targets.iterator().next());
        assertThat(String.join(" ", command("flink-checkpoints-init").isEmpty()
                ? list(services.get("flink-checkpoints-init"), "entrypoint").stream().map(String::valueOf).toList()
                : command("flink-checkpoints-init"))).contains("flink:flink").contains(targets.iterator().next());
    }

    @Test
    void applicationsGetTheEnvironmentTheyNeed() {
        Map<String, String> kafkaClient = KafkaCluster.clientEnvironment(internalBootstrapServers(), KAFKA_NODES.size());
        for (String service : List.of("chat-core", "alerting", "job-submitter", "topic-init")) {
            assertThat(environment(service)).as(service).containsAllEntriesOf(kafkaClient);
        }
        Map<String, String> server = environment("clickhouse");
        for (String service : List.of("metrics-api", "job-submitter", "migrations")) {
            Map<String, String> env = environment(service);
            assertThat(env.get("CLICKHOUSE_URL")).as(service).isEqualTo("jdbc:clickhouse://clickhouse:8123/default");
            assertThat(env.get("CLICKHOUSE_USER")).as(service).isEqualTo(server.get("CLICKHOUSE_USER"));
            assertThat(env.get("CLICKHOUSE_PASSWORD")).as(service).isEqualTo(server.get("CLICKHOUSE_PASSWORD"));
        }
        Map<String, String> grafana = environment("grafana");
        assertThat(grafana.get("CLICKHOUSE_HOST")).isEqualTo("clickhouse");
        // Grafana connects as a tenant's read-only user, never as the pipeline's (ADR 0013).
        assertThat(grafana).doesNotContainKeys("CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD").containsKey("CLICKHOUSE_PASSWORD_DEMO");
        assertThat(grafana.get("GF_INSTALL_PLUGINS")).contains("grafana-clickhouse-datasource");
        assertThat(environment("alerting")).containsKey("ALERTING_STATE_DIR");
        assertThat(environment("chat-core")).containsEntry("SERVER_PORT", "8080");
        assertThat(environment("metrics-api")).containsEntry("SERVER_PORT", "8081");
        assertThat(environment("alerting")).containsEntry("SERVER_PORT", "8082");
        // Every JVM that decodes Avro events trusts the generated classes (versions.md).
        for (String service : List.of("chat-core", "alerting", "job-submitter")) {
            assertThat(environment(service).get("JAVA_TOOL_OPTIONS")).as(service).contains(AVRO_TRUST);
        }
        for (String service : List.of("jobmanager", "taskmanager-1", "taskmanager-2", "job-submitter")) {
            assertThat(environment(service).get("FLINK_PROPERTIES")).as(service)
                    .contains("env.java.opts.all: " + AVRO_TRUST).contains("jobmanager.rpc.address: jobmanager")
                    // the shape of `chatpulse up --cluster`: two TaskManagers of two slots, jobs at parallelism 2
                    .contains("taskmanager.numberOfTaskSlots: 2").contains("parallelism.default: 2");
        }
    }

    /** The three nodes form one quorum and share local-stack's cluster settings (replication, failover). */
    @Test
    void theKafkaNodesAreOneClusterWithTheSettingsOfLocalStacksCluster() {
        Map<String, String> shared = new LinkedHashMap<>();
        KafkaCluster.brokerSettings(KAFKA_NODES.size())
                .forEach((name, value) -> shared.put("KAFKA_" + name.toUpperCase().replace('.', '_'), value));
        Set<String> clusterIds = new HashSet<>();
        Set<String> voters = new HashSet<>();
        for (int i = 0; i < KAFKA_NODES.size(); i++) {
            Map<String, String> env = environment(KAFKA_NODES.get(i));
            assertThat(env).as(KAFKA_NODES.get(i)).containsAllEntriesOf(shared).containsEntry("KAFKA_NODE_ID", String.valueOf(i + 1));
            clusterIds.add(env.get("CLUSTER_ID"));
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        }
        assertThat(clusterIds).hasSize(1).doesNotContainNull();
        assertThat(voters).hasSize(1);
        assertThat(voters.iterator().next().split(",")).hasSize(KAFKA_NODES.size());
    }

    @Test
    void everyDatasourceVariableIsSetForGrafana() throws IOException {
        String datasources = Files.readAllLines(ROOT.resolve("dashboards/provisioning/datasources/clickhouse.yaml")).stream()
                .filter(line -> !line.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(datasources);
        Set<String> referenced = new HashSet<>();
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertThat(referenced).isNotEmpty();
        assertThat(environment("grafana")).containsKeys(referenced.toArray(String[]::new));
    }

    /** The jars come from ./module/target/finalName.jar, under the names the module poms build. */
    @Test
    void mountedJarsAreTheModulesBuildOutputs() throws IOException {
        Map<String, String> serviceOf = new LinkedHashMap<>();
        serviceOf.put("chat-core", "chat-core");
        serviceOf.put("metrics-api", "metrics-api");
        serviceOf.put("alerting", "alerting");
        serviceOf.put("simulator", "simulator");
        serviceOf.put("local-stack", "migrations");
        serviceOf.put("stream-jobs", "job-submitter");
        for (Map.Entry<String, String> e : serviceOf.entrySet()) {
            String jar = "./" + e.getKey() + "/target/" + finalName(e.getKey()) + ".jar";
            Mount mount = mounts(e.getValue()).stream().filter(m -> m.source().equals(jar)).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getValue() + " does not mount " + jar));
            assertThat(mount.readOnly()).as(jar + " read-only").isTrue();
            String runs = String.join(" ", command(e.getValue()));
            if (e.getKey().equals("stream-jobs")) {
                runs = Files.readString(ROOT.resolve("deploy/submit-stream-jobs.sh"));
            }
            assertThat(runs).as(e.getValue() + " runs " + mount.target()).contains(mount.target());
        }
        // MigrateCommand's classpath: local-stack's jar and its runtime libraries (copied to target/lib).
        assertThat(mounts("migrations")).anySatisfy(m -> {
            assertThat(m.source()).isEqualTo("./local-stack/target/lib");
            assertThat(String.join(" ", command("migrations"))).contains(m.target() + "/*").contains("io.chatpulse.schema.MigrateCommand");
        });
        assertThat(Files.readString(ROOT.resolve("local-stack/pom.xml"))).contains("${project.build.directory}/lib");
    }

    @Test
    void grafanaMountsTheProvisioningOfTheRepository() throws IOException {
        Map<String, String> targetOf = new HashMap<>();
        mounts("grafana").stream().filter(m -> !m.named()).forEach(m -> targetOf.put(m.source(), m.target()));
        assertThat(targetOf).containsEntry("./dashboards/provisioning/datasources", "/etc/grafana/provisioning/datasources")
                .containsEntry("./dashboards/provisioning/dashboards", "/etc/grafana/provisioning/dashboards");
        targetOf.keySet().forEach(source -> assertThat(ROOT.resolve(source)).as(source).isDirectory());

        Matcher path = Pattern.compile("path:\\s*(\\S+)").matcher(
                Files.readString(ROOT.resolve("dashboards/provisioning/dashboards/chatpulse.yaml")));
        assertThat(path.find()).isTrue();
        assertThat(targetOf).as("the dashboards where the provider reads them").containsEntry("./dashboards/grafana", path.group(1));
        try (var files = Files.list(ROOT.resolve("dashboards/grafana"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isGreaterThanOrEqualTo(4);
        }
        String home = environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(path.group(1) + "/");
        assertThat(ROOT.resolve("dashboards/grafana").resolve(home.substring(path.group(1).length() + 1))).exists();
    }

    @Test
    void hostPortsAreTheDocumentedOnesAndDoNotCollide() {
        Map<Integer, String> published = new HashMap<>();
        services.forEach((name, service) -> {
            for (Object port : list(service, "ports")) {
                String[] parts = String.valueOf(port).split(":");
                assertThat(parts).as(name + " port " + port + " as host:container").hasSize(2);
                String other = published.put(Integer.parseInt(parts[0]), name);
                assertThat(other).as("host port " + parts[0] + " of " + name + " also used by " + other).isNull();
            }
        });
        assertThat(published).containsEntry(8080, "chat-core").containsEntry(8081, "metrics-api")
                .containsEntry(8082, "alerting").containsEntry(3000, "grafana").containsEntry(8123, "clickhouse")
                .containsEntry(9092, "kafka-1").containsEntry(9093, "kafka-2").containsEntry(9094, "kafka-3")
                .containsEntry(8088, "jobmanager");
    }

    @Test
    void theOneShotsRunScriptsThatExistAndCreateTheContractTopics() throws IOException {
        for (String name : List.of("topic-init", "job-submitter")) {
            String script = command(name).stream().filter(a -> a.startsWith("/deploy/")).findFirst().orElseThrow();
            assertThat(mounts(name)).anySatisfy(m -> {
                assertThat(m.source()).isEqualTo("./deploy");
                assertThat(m.target()).isEqualTo("/deploy");
            });
            assertThat(ROOT.resolve("deploy").resolve(script.substring("/deploy/".length()))).as(script).isRegularFile();
        }
        // The topics' one definition: local-stack's copy on the classpath is the file the script reads.
        assertThat(Files.readString(ROOT.resolve("deploy/create-topics.sh"))).contains("kafka-topics.properties");
        try (var definition = ContractTopics.class.getResourceAsStream("/kafka-topics.properties")) {
            assertThat(new String(definition.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(ROOT.resolve("deploy/kafka-topics.properties")));
        }
        assertThat(ContractTopics.load().topics()).extracting(ContractTopics.Topic::name).contains(Topics.CONVERSATION_EVENTS,
                Topics.AGENT_EVENTS, Topics.ALERTS, Topics.DEAD_LETTER, Topics.ALERT_COMMANDS, Topics.ALERT_NOTIFICATIONS,
                Topics.ALERT_DELIVERIES);

        String submit = Files.readString(ROOT.resolve("deploy/submit-stream-jobs.sh"));
        Matcher mains = Pattern.compile("io\\.chatpulse\\.streamjobs\\.\\w+").matcher(submit);
        int jobs = 0;
        while (mains.find()) {
            Path source = ROOT.resolve("stream-jobs/src/main/java").resolve(mains.group().replace('.', '/') + ".java");
            assertThat(source).as("job main " + mains.group()).exists();
            jobs++;
        }
        assertThat(jobs).isPositive();
    }

    // ---------------------------------------------------------------- helpers

    private record Mount(String source, String target, boolean readOnly) {
        boolean named() {
            return !source.startsWith(".") && !source.startsWith("/");
        }
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    private static List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        for (Object volume : list(services.get(service), "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            assertThat(parts.length).as(service + " volume " + volume).isBetween(2, 3);
            mounts.add(new Mount(parts[0], parts[1], parts.length == 3 && parts[2].equals("ro")));
        }
        return mounts;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = services.get(service).get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (raw instanceof List<?> l) {
            l.forEach(entry -> {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    private static List<String> command(String service) {
        Object raw = services.get(service).get("command");
        if (raw instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return raw == null ? List.of() : List.of(String.valueOf(raw).split("\\s+"));
    }

    private static List<?> healthCheck(String service) {
        Object test = map(services.get(service), "healthcheck").get("test");
        if (test instanceof List<?> l) {
            return l;
        }
        return test == null ? List.of() : List.of(test);
    }

    /** Every node's PLAINTEXT listener, the one advertised to the other containers. */
    private static String internalBootstrapServers() {
        List<String> addresses = new ArrayList<>();
        for (String node : KAFKA_NODES) {
            Matcher m = Pattern.compile("PLAINTEXT://(" + node + ":\\d+)").matcher(environment(node).get("KAFKA_ADVERTISED_LISTENERS"));
            assertThat(m.find()).as(node + " advertises PLAINTEXT://" + node + ":<port>").isTrue();
            addresses.add(m.group(1));
        }
        return String.join(",", addresses);
    }

    private static String finalName(String module) throws IOException {
        Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
        assertThat(m.find()).as(module + " finalName").isTrue();
        return m.group(1);
    }

    private void assertNoCycle(String service, List<String> path) {
        assertThat(path).as("depends_on cycle " + path + " -> " + service).doesNotContain(service);
        List<String> next = new ArrayList<>(path);
        next.add(service);
        map(services.get(service), "depends_on").keySet().forEach(target -> assertNoCycle(target, next));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> l ? l : List.of();
    }
}
