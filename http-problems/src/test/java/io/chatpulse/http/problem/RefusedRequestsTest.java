package io.chatpulse.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A real Tomcat on a free port, spoken to over a raw socket: an HTTP client would refuse to send these. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RefusedRequestsTest.App.class)
class RefusedRequestsTest {

    @LocalServerPort
    int port;

    @Test
    void aNulInThePathIsAProblemNamingTheReason() throws IOException {
        String reply = send("GET /hello%00 HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400 ");
        assertThat(header(reply, "Content-Type")).startsWith("application/problem+json");
        assertThat(body(reply)).startsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,")
                .contains("\"detail\":\"The request was refused before it reached the service")
                .doesNotContain("Exception").doesNotContain("Tomcat");
    }

    @Test
    void anEncodedSlashInThePathIsAProblemToo() throws IOException {
        String reply = send("GET /hello%2Fthere HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400 ");
        assertThat(header(reply, "Content-Type")).startsWith("application/problem+json");
        assertThat(body(reply)).contains("\"status\":400");
    }

    @Test
    void headersOverTomcatsLimitAreAProblemToo() throws IOException {
        String reply = send("GET /hello HTTP/1.0\r\nHost: localhost\r\nX-Comment: " + "h".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 400 ");
        assertThat(header(reply, "Content-Type")).startsWith("application/problem+json");
        assertThat(body(reply)).contains("\"status\":400");
    }

    @Test
    void theApplicationsOwnAnswersAreLeftAlone() throws IOException {
        String ok = send("GET /hello HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String notFound = send("GET /nothing-here HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(ok).startsWith("HTTP/1.1 200 ");
        assertThat(body(ok)).isEqualTo("hello");
        assertThat(notFound).startsWith("HTTP/1.1 404 ");
        assertThat(body(notFound)).as("Spring's own error answer, not the valve's").contains("\"path\":\"/nothing-here\"");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String reply, String name) {
        return reply.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    /** An HTTP/1.0 request gets its body whole, never in chunks. */
    private static String body(String reply) {
        return reply.substring(reply.indexOf("\r\n\r\n") + 4);
    }

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
