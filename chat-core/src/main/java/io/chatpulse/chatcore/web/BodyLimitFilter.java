package io.chatpulse.chatcore.web;

import io.chatpulse.chatcore.idempotency.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies above chatpulse.web.max-request-size (64 KB) are refused with 413 before anything
 * reads them: a declared Content-Length is checked up front, a chunked body is read up to the
 * limit and no further.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class BodyLimitFilter extends OncePerRequestFilter {

    @ConfigurationProperties("chatpulse.web")
    public record WebProperties(DataSize maxRequestSize) {
        public WebProperties {
            maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(64) : maxRequestSize;
        }
    }

    private final long limit;
    private final ProblemWriter problems;

    public BodyLimitFilter(WebProperties properties, ProblemWriter problems) {
        this.limit = properties.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
        if (body.length > limit) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The client may still be sending; closing is cheaper than reading a body we refuse.
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body",
                "request body must be at most " + limit + " bytes");
    }
}
