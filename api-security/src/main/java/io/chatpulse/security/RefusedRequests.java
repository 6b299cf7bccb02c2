package io.chatpulse.security;

import io.chatpulse.security.ApiKeyProblems.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 (no key, or an unknown one), 403 (a role too low) and 400 (refused by the firewall)
 * with the service's problem details. Spring Security refuses these in its filter chain, before
 * Spring MVC's error handling.
 */
final class RefusedRequests implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ApiKeyProblems problems;
    private final JsonMapper json;

    RefusedRequests(ApiKeyProblems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // A key that was presented and not found fails as bad credentials; anything else had no key.
        Unauthenticated reason = e instanceof BadCredentialsException ? Unauthenticated.UNKNOWN : Unauthenticated.MISSING;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKey.HEADER + "\"");
        write(request, response, problems.unauthenticated(reason));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Caller caller = (Caller) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        write(request, response, problems.forbidden(caller.role(), required(e)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, problems.rejected(e.getMessage()));
    }

    /** The least role the refused check named (hasRole names the authorities it needs). */
    static Role required(AccessDeniedException e) {
        if (e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
            return decision.getAuthorities().stream().map(a -> Role.ofAuthority(a.getAuthority()))
                    .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(Role.ADMIN);
        }
        return Role.ADMIN;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        // As Spring MVC writes a ProblemDetail: what is not set (a type, in Spring 7) is left out.
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? request.getRequestURI() : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
