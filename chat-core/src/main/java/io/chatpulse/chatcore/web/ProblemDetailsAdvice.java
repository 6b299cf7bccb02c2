package io.chatpulse.chatcore.web;

import io.chatpulse.chatcore.agent.AgentNotFoundException;
import io.chatpulse.chatcore.conversation.ActionNotAllowedException;
import io.chatpulse.chatcore.conversation.ConversationNotFoundException;
import io.chatpulse.chatcore.events.EventsProperties;
import io.chatpulse.chatcore.events.EventsUnavailableException;
import io.chatpulse.chatcore.idempotency.IdempotencyFilter;
import io.chatpulse.chatcore.idempotency.KeyAlreadyUsedException;
import io.chatpulse.chatcore.web.Problems.FieldReason;
import java.util.Arrays;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Maps every failure of the API to an RFC 9457 problem naming the field and the reason. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final EventsProperties events;

    public ProblemDetailsAdvice(EventsProperties events) {
        this.events = events;
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<Object> notFound(ConversationNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "conversationId", e.getMessage());
    }

    @ExceptionHandler(AgentNotFoundException.class)
    ResponseEntity<Object> agentNotFound(AgentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "agentId", e.getMessage());
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    ResponseEntity<Object> notAllowed(ActionNotAllowedException e) {
        return problem(HttpStatus.CONFLICT, "action-not-allowed", "state", e.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException e) {
        return problem(HttpStatus.BAD_REQUEST, "validation", e.field(), e.getMessage());
    }

    @ExceptionHandler(KeyAlreadyUsedException.class)
    ResponseEntity<Object> keyAlreadyUsed(KeyAlreadyUsedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable-content", IdempotencyFilter.HEADER,
                e.getMessage());
    }

    @ExceptionHandler(EventsUnavailableException.class)
    ResponseEntity<Object> eventsUnavailable(EventsUnavailableException e) {
        log.warn("answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, events.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "events-unavailable", "kafka",
                        "the change could not be recorded, nothing was changed; retry later"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldReason> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldReason(f.getField(), f.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "validation", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                List.of(unreadable(e.getCause()))));
    }

    /** Spring's own problems (405, 406, 415, unknown path, ...) get the same shape as ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
            problem.setType(URI.create("urn:chatpulse:problem:" + slug(response.getStatusCode())));
            problem.setProperty("errors", List.of(Map.of("field", "request",
                    "reason", problem.getDetail() == null ? problem.getTitle() : problem.getDetail())));
        }
        return response;
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.getReasonPhrase().toLowerCase().replace(' ', '-');
    }

    private static FieldReason unreadable(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return new FieldReason(path(invalid), "must be one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants()));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return new FieldReason(path(mismatched), "has the wrong type, expected "
                    + mismatched.getTargetType().getSimpleName());
        }
        if (cause instanceof JacksonException json) {
            return new FieldReason("body", "malformed JSON: " + json.getOriginalMessage());
        }
        return new FieldReason("body", "a JSON body is required");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String field, String reason) {
        return ResponseEntity.status(status).body(Problems.of(status, type, field, reason));
    }
}
