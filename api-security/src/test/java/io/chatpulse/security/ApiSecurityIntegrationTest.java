package io.chatpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter chain of api-security in a real server: who gets in, and the problems of who does not. */
@SpringBootTest(classes = ApiSecurityIntegrationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "chatpulse.security.api-keys.sup-key.tenant=acme",
            "chatpulse.security.api-keys.sup-key.role=supervisor",
            "chatpulse.security.api-keys.mgr-key.tenant=acme",
            "chatpulse.security.api-keys.mgr-key.role=MANAGER",
            "chatpulse.security.api-keys.flat-key=globex"})
class ApiSecurityIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {

        @Bean
        ApiKeyQueryParameter streamTakesTheKeyAsAParameter() {
            return new ApiKeyQueryParameter("/api/stream");
        }

        @Bean
        RequiredRole exportNeedsManager() {
            return new RequiredRole(Role.MANAGER, "/api/export");
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping({"/api/whoami", "/api/stream", "/api/export"})
        String whoami(HttpServletRequest request) {
            Caller caller = Caller.of(request);
            return caller.tenant() + " " + caller.role().id();
        }

        @GetMapping("/open")
        String open() {
            return "open";
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aKeyNamesItsTenantAndRoleAndTheFlatFormIsAdmin() throws Exception {
        assertThat(get("/api/whoami", "sup-key").body()).isEqualTo("acme supervisor");
        assertThat(get("/api/whoami", "mgr-key").body()).isEqualTo("acme manager");
        assertThat(get("/api/whoami", "flat-key").body()).isEqualTo("globex admin");
    }

    @Test
    void noKeyOrAnUnknownOneIs401WithAProblemAndTheChallenge() throws Exception {
        assertUnauthenticated(get("/api/whoami", null), "missing X-Api-Key header");
        assertUnauthenticated(get("/api/whoami", " "), "missing X-Api-Key header");
        assertUnauthenticated(get("/api/whoami", "nope"), "unknown API key in X-Api-Key header");
    }

    @Test
    void aRoleTooLowIs403NamingBothRolesAndHigherRolesIncludeLowerOnes() throws Exception {
        HttpResponse<String> denied = get("/api/export", "sup-key");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(denied.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
        assertThat(problem.get("role").asString()).isEqualTo("supervisor");
        assertThat(problem.get("requiredRole").asString()).isEqualTo("manager");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/export");
        assertThat(get("/api/export", "mgr-key").statusCode()).isEqualTo(200);
        assertThat(get("/api/export", "flat-key").statusCode()).isEqualTo(200);
    }

    @Test
    void theQueryParameterCountsOnlyWhereTheServiceAllowsIt() throws Exception {
        assertThat(get("/api/stream?apiKey=sup-key", null).body()).isEqualTo("acme supervisor");
        assertThat(get("/api/whoami?apiKey=sup-key", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everythingOutsideTheApiIsLeftAlone() throws Exception {
        HttpResponse<String> open = get("/open", null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void whatTheFirewallRefusesIsA400ProblemAndOddMethodsStillReachSpringMvc() throws Exception {
        HttpResponse<String> rejected = get("/api/whoami/%25", "sup-key");
        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(rejected.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("rejected");
        HttpResponse<String> odd = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/whoami"))
                .header(ApiKey.HEADER, "sup-key").method("FROB", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(odd.statusCode()).isEqualTo(405);
    }

    private void assertUnauthenticated(HttpResponse<String> response, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-Api-Key\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("header").asString()).isEqualTo("X-Api-Key");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/whoami");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header(ApiKey.HEADER, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
