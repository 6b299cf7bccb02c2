package io.chatpulse.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details (RFC 9457) of a refused request. The defaults are metrics-api's shape (a title,
 * the reason, and the header or the roles at fault); a service whose clients already read another
 * shape declares its own bean, so moving to Spring Security changed no answer.
 */
public interface ApiKeyProblems {

    /** Why a request is unauthenticated. */
    enum Unauthenticated { MISSING, UNKNOWN }

    default ProblemDetail unauthenticated(Unauthenticated reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                reason == Unauthenticated.MISSING ? "missing " + ApiKey.HEADER + " header"
                        : "unknown API key in " + ApiKey.HEADER + " header");
        problem.setTitle("Unauthorized");
        problem.setProperty("header", ApiKey.HEADER);
        return problem;
    }

    /** A request Spring Security's firewall refused (an encoded percent sign or semicolon in the path, ...). */
    default ProblemDetail rejected(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Bad Request");
        return problem;
    }

    default ProblemDetail forbidden(Role role, Role required) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "this API key has role "
                + role.id() + "; the request needs role " + required.id() + " or higher");
        problem.setTitle("Forbidden");
        problem.setProperty("role", role.id());
        problem.setProperty("requiredRole", required.id());
        return problem;
    }
}
