package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-tenant request limits over real HTTP: the tenant over its rate gets 429 with Retry-After and a
 * problem naming the limit, the other tenant is served as if nothing happened, and a refused request
 * is not remembered by idempotency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.noisy-key=noisy", "chatpulse.security.api-keys.quiet-key=quiet",
        "chatpulse.security.api-keys.retrying-key=retrying",
        "chatpulse.limits.tenants.noisy.requests-per-second=1", "chatpulse.limits.tenants.noisy.burst=3",
        "chatpulse.limits.tenants.retrying.requests-per-second=1"})
@DirtiesContext
class TenantLimitsIT extends BrokerApiTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        useBroker("limits", registry);
    }

    @Test
    void aTenantOverItsRateGets429WithRetryAfterAndAProblemNamingTheLimitWhileAnotherIsServed() {
        Api noisy = api.as("noisy-key");
        for (int i = 0; i < 3; i++) {
            assertThat(noisy.get("/api/v1/queues").status()).as("request %d of the burst of 3", i + 1).isEqualTo(200);
        }
        Api.Response refused = firstRefusal(noisy);

        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:chatpulse:problem:too-many-requests");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.json().get("limit").asString()).isEqualTo("requests-per-second");
        assertThat(refused.json().get("tenant").asString()).isEqualTo("noisy");
        assertThat(refused.json().get("requestsPerSecond").asLong()).isEqualTo(1);
        assertThat(refused.json().get("burst").asLong()).isEqualTo(3);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("requests-per-second");

        Api quiet = api.as("quiet-key");
        for (int i = 0; i < 10; i++) {
            assertThat(quiet.get("/api/v1/queues").status()).as("the other tenant, default limit").isEqualTo(200);
        }
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsRetryRuns() {
        Api retrying = api.as("retrying-key");
        String body = json("queueId", "support", "channel", "WEB", "customerId", "c");
        Map<String, String> key = refusedIdempotencyKey(retrying, body);

        Api.Response retried = untilAdmitted(() -> retrying.post("/api/v1/conversations", body, key));

        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    /** An Idempotency-Key whose first request was refused 429 (keys of admitted tries are not reused). */
    private static Map<String, String> refusedIdempotencyKey(Api as, String body) {
        for (int i = 0; i < 50; i++) {
            Map<String, String> key = Map.of("Idempotency-Key", "limits-" + i);
            if (as.post("/api/v1/conversations", body, key).status() == 429) {
                return key;
            }
        }
        throw new AssertionError("no 429 within 50 requests at a limit of 1 a second");
    }

    /** Sends until the first 429: at 1 request a second and a burst of 3, it comes within a few. */
    private static Api.Response firstRefusal(Api as) {
        for (int i = 0; i < 50; i++) {
            Api.Response response = as.get("/api/v1/queues");
            if (response.status() == 429) {
                return response;
            }
        }
        throw new AssertionError("no 429 within 50 requests at a limit of 1 a second");
    }

    private static Api.Response untilAdmitted(java.util.function.Supplier<Api.Response> request) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Api.Response response = request.get();
        while (response.status() == 429 && Instant.now().isBefore(deadline)) {
            sleep(Long.parseLong(response.header("Retry-After")) * 1000);
            response = request.get();
        }
        return response;
    }

    /** Waiting for the time Retry-After names is what a client is told to do. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
