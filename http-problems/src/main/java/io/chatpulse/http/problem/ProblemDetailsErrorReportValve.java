package io.chatpulse.http.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details (RFC 9457) instead of Tomcat's HTML page for an error nothing else answered:
 * a request Tomcat refuses before any servlet runs (a NUL or an encoded slash in the path, headers over
 * its 8 KB limit). Errors of the application go through Spring's error handling and never reach this
 * valve with a body unwritten.
 * Tomcat's own reason is shown for a 4xx (it describes the request); a 5xx says nothing of the server.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(problem(status, response.getMessage())));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: nothing left to tell it.
        }
    }

    /** The members in RFC 9457's order, as Spring's ProblemDetail writes them. */
    static Map<String, Object> problem(int status, String tomcatMessage) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail(status, tomcatMessage));
        return problem;
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detail(int status, String tomcatMessage) {
        if (status >= 500) {
            return "The server could not answer this request.";
        }
        String reason = tomcatMessage == null || tomcatMessage.isBlank() ? "" : ": " + tomcatMessage;
        return "The request was refused before it reached the service" + reason;
    }
}
