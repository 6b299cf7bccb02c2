package io.chatpulse.http.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ProblemDetailsErrorReportValveTest {

    @Test
    void aRefusedRequestIsToldTomcatsReason() {
        assertThat(ProblemDetailsErrorReportValve.problem(400, "Invalid URI"))
                .containsExactly(
                        entry("type", "about:blank"),
                        entry("title", "Bad Request"),
                        entry("status", 400),
                        entry("detail",
                                "The request was refused before it reached the service: Invalid URI"));
    }

    @Test
    void aServerErrorSaysNothingOfTheServer() {
        assertThat(ProblemDetailsErrorReportValve.problem(503, "Connection pool exhausted at com.example"))
                .containsEntry("title", "Service Unavailable")
                .containsEntry("detail", "The server could not answer this request.");
    }
}
