package io.chatpulse.alerting;

import org.springframework.http.HttpStatus;

/** A request the API answers with an RFC 9457 problem naming the field and the reason. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ApiProblem(HttpStatus status, String field, String reason) {
        super(reason);
        this.status = status;
        this.field = field;
    }

    public static ApiProblem notReady() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, null, "the alert state is being restored; retry shortly");
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
