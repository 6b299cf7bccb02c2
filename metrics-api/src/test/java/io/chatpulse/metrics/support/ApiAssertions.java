package io.chatpulse.metrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on the API's JSON shared by the integration tests. */
public final class ApiAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiAssertions() {
    }

    /** A problem-details answer (application/problem+json) with this status, in the header and the body. */
    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    /** A distribution's count and figures in ms; the views interpolate in floating point (76000 comes back as 75999.99999999997). */
    public static void assertDistribution(JsonNode d, long count, double median, double p90, double p99, double mean) {
        assertThat(d.get("count").asLong()).isEqualTo(count);
        assertThat(d.get("medianMs").asDouble()).isCloseTo(median, within(1e-6));
        assertThat(d.get("p90Ms").asDouble()).isCloseTo(p90, within(1e-6));
        assertThat(d.get("p99Ms").asDouble()).isCloseTo(p99, within(1e-6));
        assertThat(d.get("meanMs").asDouble()).isCloseTo(mean, within(1e-6));
    }
}
