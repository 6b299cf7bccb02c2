package io.chatpulse.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads the key from the {@code X-Api-Key} header; a missing or blank header is no key at all (the
 * request is then refused as unauthenticated). On the paths of {@link ApiKeyQueryParameter} beans
 * the key may come as the query parameter {@code apiKey} instead.
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    private final List<RequestMatcher> queryParameterPaths;

    ApiKeyAuthenticationConverter(List<ApiKeyQueryParameter> queryParameterPaths) {
        this.queryParameterPaths = queryParameterPaths.stream()
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(path.pathPattern()))
                .toList();
    }

    @Override
    public ApiKeyAuthentication convert(HttpServletRequest request) {
        String key = request.getHeader(ApiKey.HEADER);
        if (isBlank(key) && queryParameterPaths.stream().anyMatch(path -> path.matches(request))) {
            key = request.getParameter(ApiKeyQueryParameter.NAME);
        }
        return isBlank(key) ? null : ApiKeyAuthentication.presented(key);
    }

    private static boolean isBlank(String key) {
        return key == null || key.isBlank();
    }
}
