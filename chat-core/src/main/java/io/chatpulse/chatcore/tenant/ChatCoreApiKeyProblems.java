package io.chatpulse.chatcore.tenant;

import io.chatpulse.chatcore.web.Problems;
import io.chatpulse.security.ApiKey;
import io.chatpulse.security.ApiKeyProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** chat-core's 401 in its own problem shape, {@code errors: [{field, reason}]}, as every other problem of chat-core. */
@Component
class ChatCoreApiKeyProblems implements ApiKeyProblems {

    @Override
    public ProblemDetail unauthenticated(Unauthenticated reason) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", ApiKey.HEADER,
                reason == Unauthenticated.MISSING ? "the X-Api-Key header is missing" : "the API key is not known");
    }
}
