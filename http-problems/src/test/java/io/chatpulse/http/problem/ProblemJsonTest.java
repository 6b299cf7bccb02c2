package io.chatpulse.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemJsonTest {

    @Test
    void quotesWhatWouldBreakTheJson() {
        assertThat(ProblemJson.quoted("a \"b\" \\ c\nd\u0000")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\u0000\"");
    }

    @Test
    void aServerErrorSaysNothingOfTheServer() {
        assertThat(ProblemDetailsErrorReportValve.detail(503, "Connection pool exhausted at com.example"))
                .isEqualTo("The server could not answer this request.");
        assertThat(ProblemDetailsErrorReportValve.detail(400, "Invalid URI"))
                .isEqualTo("The request was refused before it reached the service: Invalid URI");
    }
}
