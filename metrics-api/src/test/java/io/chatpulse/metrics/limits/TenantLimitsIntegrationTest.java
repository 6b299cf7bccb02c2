package io.chatpulse.metrics.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.metrics.export.ExportResponse;
import io.chatpulse.metrics.tenancy.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-tenant limits over real HTTP through the whole interceptor chain: a tenant over its rate, or
 * over its concurrent exports, gets 429 with Retry-After and a problem naming the limit, while
 * another tenant is served. The limits hold whatever the endpoint, so a test controller stands in
 * for ClickHouse: a ping, and an export that streams until the test lets it finish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.noisy-key.tenant=noisy", "chatpulse.security.api-keys.quiet-key.tenant=quiet",
        "chatpulse.security.api-keys.acme-key.tenant=acme", "chatpulse.security.api-keys.globex-key.tenant=globex",
        "chatpulse.limits.tenants.noisy.requests-per-second=1", "chatpulse.limits.tenants.noisy.burst=2",
        "chatpulse.limits.tenants.acme.concurrent-exports=1",
        // Nothing here reads ClickHouse; a closed port keeps the test off any engine on 8123.
        "spring.datasource.url=jdbc:clickhouse://127.0.0.1:1/default"})
@DirtiesContext
class TenantLimitsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestConfiguration
    static class Endpoints {
        @Bean
        HeldExports heldExports() {
            return new HeldExports();
        }
    }

    /** Each export streams until the test hands it a permit to finish. */
    @RestController
    static class HeldExports {
        final Semaphore streaming = new Semaphore(0);
        final Semaphore mayFinish = new Semaphore(0);

        @GetMapping("/api/v1/test/ping")
        String ping(Tenant tenant) {
            return "pong " + tenant.id();
        }

        @GetMapping("/api/v1/test/export")
        @ExportResponse
        ResponseEntity<StreamingResponseBody> export(Tenant tenant) {
            return ResponseEntity.ok(out -> {
                streaming.release();
                try {
                    mayFinish.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write(("file of " + tenant.id()).getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    HeldExports exports;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aTenantOverItsRateGets429WithRetryAfterAndAProblemNamingTheLimitWhileAnotherIsServed() throws Exception {
        assertThat(get("/api/v1/test/ping", "noisy-key").statusCode()).as("1 of the burst of 2").isEqualTo(200);
        assertThat(get("/api/v1/test/ping", "noisy-key").statusCode()).as("2 of the burst of 2").isEqualTo(200);
        HttpResponse<String> refused = firstRefusal("noisy-key");

        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(problem.get("limit").asString()).isEqualTo("requests-per-second");
        assertThat(problem.get("tenant").asString()).isEqualTo("noisy");
        assertThat(problem.get("requestsPerSecond").asLong()).isEqualTo(1);
        assertThat(problem.get("burst").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).isEqualTo(
                "tenant noisy may make 1 requests a second (bursts of 2); retry after 1 s");

        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/v1/test/ping", "quiet-key").body()).isEqualTo("pong quiet");
        }
    }

    @Test
    void aTenantStreamingAsManyExportsAsItMayGets429ForTheNextUntilOneIsDoneWhileAnotherExports() throws Exception {
        CompletableFuture<HttpResponse<String>> first = getAsync("/api/v1/test/export", "acme-key");
        assertThat(exports.streaming.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("first export streaming").isTrue();

        HttpResponse<String> refused = get("/api/v1/test/export", "acme-key");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("limit").asString()).isEqualTo("concurrent-exports");
        assertThat(problem.get("tenant").asString()).isEqualTo("acme");
        assertThat(problem.get("concurrentExports").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/test/ping", "acme-key").statusCode()).as("other requests of the tenant").isEqualTo(200);

        CompletableFuture<HttpResponse<String>> other = getAsync("/api/v1/test/export", "globex-key");
        assertThat(exports.streaming.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("another tenant's export").isTrue();
        exports.mayFinish.release(2);
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).body()).isEqualTo("file of acme");
        assertThat(other.get(WAIT.toSeconds(), TimeUnit.SECONDS).body()).isEqualTo("file of globex");

        exports.mayFinish.release();
        assertThat(untilNot429("/api/v1/test/export", "acme-key").body()).as("the slot is free again").isEqualTo("file of acme");
    }

    @Test
    void everyExportOperationOfTheApiTakesAnExportSlot() {
        assertThat(mappings.getHandlerMethods().entrySet()).filteredOn(e -> e.getKey().getPatternValues().stream()
                        .anyMatch(p -> p.startsWith("/api/v1/") && p.endsWith("/export")))
                .extracting(e -> e.getValue())
                .hasSizeGreaterThanOrEqualTo(3)
                .allMatch((HandlerMethod m) -> m.hasMethodAnnotation(ExportResponse.class), "marked @ExportResponse");
    }

    private HttpResponse<String> firstRefusal(String key) throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = get("/api/v1/test/ping", key);
            if (response.statusCode() == 429) {
                return response;
            }
        }
        throw new AssertionError("no 429 within 50 requests at a limit of 1 a second");
    }

    /** The slot is given back when the stream completes, an instant after the client has the last byte. */
    private HttpResponse<String> untilNot429(String path, String key) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        HttpResponse<String> response = get(path, key);
        while (response.statusCode() == 429 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            response = get(path, key);
        }
        return response;
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(request(path, key), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path, String key) {
        return http.sendAsync(request(path, key), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", key)
                .timeout(WAIT).build();
    }
}
