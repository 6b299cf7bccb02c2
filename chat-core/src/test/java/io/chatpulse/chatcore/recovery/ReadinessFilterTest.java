package io.chatpulse.chatcore.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.events.EventsProperties;
import io.chatpulse.chatcore.web.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Until the state is rebuilt the API answers 503 and touches nothing; health stays reachable. */
class ReadinessFilterTest {

    final Readiness readiness = new Readiness();
    final ReadinessFilter filter = new ReadinessFilter(readiness, new ProblemWriter(JsonMapper.builder().build()),
            new EventsProperties(null, null, null, null));

    MockHttpServletResponse call(String uri, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", uri), response, chain);
        return response;
    }

    @Test
    void apiCallsAre503WhileRecoveringAndPassOnceReady() throws Exception {
        MockFilterChain early = new MockFilterChain();
        MockHttpServletResponse recovering = call("/api/v1/queues", early);

        assertThat(recovering.getStatus()).isEqualTo(503);
        assertThat(recovering.getHeader("Retry-After")).isEqualTo("5");
        assertThat(recovering.getContentType()).startsWith("application/problem+json");
        assertThat(recovering.getContentAsString()).contains("\"field\":\"recovery\"");
        assertThat(early.getRequest()).as("the API was not reached").isNull();
        assertThat(readiness.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");

        readiness.ready();
        MockFilterChain later = new MockFilterChain();
        assertThat(call("/api/v1/queues", later).getStatus()).isEqualTo(200);
        assertThat(later.getRequest()).isNotNull();
        assertThat(readiness.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void healthIsAnsweredWhileRecovering() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        call("/actuator/health", chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
