package io.chatpulse.alerting.tenancy;

import io.chatpulse.security.ApiKey;
import io.chatpulse.security.ApiKeyProblems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** alerting's 401 names the header as {@code field}, as it did before api-security. */
@Component
class AlertingApiKeyProblems implements ApiKeyProblems {

    @Override
    public ProblemDetail unauthenticated(Unauthenticated reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                reason == Unauthenticated.MISSING ? "the X-Api-Key header is missing" : "the API key is not known");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("field", ApiKey.HEADER);
        return problem;
    }
}
