package io.chatpulse.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml started for real (Testcontainers, the local {@code docker compose}): one
 * conversation through chat-core reaches metrics-api's figures through Kafka, Flink and
 * ClickHouse, and Grafana serves the provisioned dashboards. Runs only with {@code -Pdocker}
 * (its name matches neither Surefire's nor Failsafe's default includes) after the jars are built.
 */
class DockerStackSmokeCheck {

    private static final Path ROOT = Path.of(System.getProperty("chatpulse.home",
            Path.of(System.getProperty("basedir", ".")).resolve("..").toString())).toAbsolutePath().normalize();
    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ComposeContainer stack;

    @BeforeAll
    static void start() {
        assertThat(DockerClientFactory.instance().isDockerAvailable())
                .as("-Pdocker needs a Docker engine (docker compose v2)").isTrue();
        stack = new ComposeContainer(new File(ROOT.toFile(), "docker-compose.yml"))
                .withStartupTimeout(STARTUP)
                .withExposedService("chat-core", 8080, Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(STARTUP))
                .withExposedService("metrics-api", 8081, Wait.forHttp("/actuator/health").forStatusCode(200).withStartupTimeout(STARTUP))
                .withExposedService("grafana", 3000, Wait.forHttp("/api/health").forStatusCode(200).withStartupTimeout(STARTUP));
        stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aConversationReachesTheFiguresAndGrafanaServesTheDashboards() throws Exception {
        String chatCore = url("chat-core", 8080);
        JsonNode opened = send(chatCore + "/api/v1/conversations", Map.of("queueId", "support", "channel", "WEB", "customerId", "c-smoke"));
        String id = opened.path("conversationId").asText();
        assertThat(id).isNotBlank();
        send(chatCore + "/api/v1/conversations/" + id + "/messages", Map.of("sender", "CUSTOMER", "text", "hello"));
        send(chatCore + "/api/v1/conversations/" + id + "/assignment", Map.of("agentId", "a-smoke"));
        send(chatCore + "/api/v1/conversations/" + id + "/messages", Map.of("sender", "AGENT", "agentId", "a-smoke", "text", "hi"));

        String kpis = url("metrics-api", 8081) + "/api/v1/conversations/" + id + "/kpis";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode figures = JSON.nullNode();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = HTTP.send(request(kpis).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                figures = JSON.readTree(answer.body());
                if (figures.path("firstResponses").size() > 0) {
                    break;
                }
            }
            Thread.sleep(1000);
        }
        assertThat(figures.path("queueWaits").size()).as("queue waits of " + id + " in metrics-api").isEqualTo(1);
        assertThat(figures.path("firstResponses").size()).as("first responses of " + id).isEqualTo(1);

        String basic = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> search = HTTP.send(HttpRequest.newBuilder(URI.create(url("grafana", 3000) + "/api/search?tag=chatpulse"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).findValuesAsText("uid")).contains("chatpulse-supervisor", "chatpulse-agents",
                "chatpulse-quality", "chatpulse-operations");
    }

    private static String url(String service, int port) {
        return "http://" + stack.getServiceHost(service, port) + ":" + stack.getServicePort(service, port);
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-Api-Key", "demo-key");
    }

    private static JsonNode send(String url, Object body) throws Exception {
        HttpResponse<String> answer = HTTP.send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST " + url + ": " + answer.body()).isBetween(200, 299);
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }
}
