package io.chatpulse.alerting;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link ApiProblem}s as application/problem+json. */
@RestControllerAdvice
class ApiProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail problem(ApiProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        if (problem.field() != null) {
            detail.setProperty("field", problem.field());
        }
        return detail;
    }
}
