package io.chatpulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class ApiKeyAuthenticationTest {

    private final ApiKeyAuthenticationProvider provider = new ApiKeyAuthenticationProvider(new ApiKeyProperties(Map.of(
            "demo-key", new ApiKey("demo", Role.ADMIN),
            "sup-key", new ApiKey("acme", null)), null));
    private final ApiKeyAuthenticationConverter converter =
            new ApiKeyAuthenticationConverter(List.of(new ApiKeyQueryParameter("/api/v1/live/stream")));

    @Test
    void mapsAKnownKeyToItsTenantAndRole() {
        assertThat(provider.authenticate(ApiKeyAuthentication.presented("demo-key")).getPrincipal())
                .isEqualTo(new Caller("demo", Role.ADMIN));
        assertThat(provider.authenticate(ApiKeyAuthentication.presented("sup-key")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SUPERVISOR");
    }

    @Test
    void anUnknownKeyIsBadCredentials() {
        assertThatThrownBy(() -> provider.authenticate(ApiKeyAuthentication.presented("nope")))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("not known");
    }

    @Test
    void aMissingOrBlankHeaderIsNoKeyAtAll() {
        assertThat(converter.convert(request("/api/v1/live/queues", null, null))).isNull();
        assertThat(converter.convert(request("/api/v1/live/queues", " ", null))).isNull();
        assertThat(converter.convert(request("/api/v1/live/queues", "k", null)).getCredentials()).isEqualTo("k");
    }

    @Test
    void theQueryParameterCountsOnlyOnItsPathsAndOnlyWithoutTheHeader() {
        assertThat(converter.convert(request("/api/v1/live/queues", null, "k"))).isNull();
        assertThat(converter.convert(request("/api/v1/live/stream", null, "k")).getCredentials()).isEqualTo("k");
        assertThat(converter.convert(request("/api/v1/live/stream", "h", "k")).getCredentials()).isEqualTo("h");
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        var hierarchy = ApiSecurityAutoConfiguration.apiKeyRoleHierarchy();
        assertThat(hierarchy.getReachableGrantedAuthorities(List.of(Role.ADMIN.authority())))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_MANAGER", "ROLE_SUPERVISOR");
        assertThat(hierarchy.getReachableGrantedAuthorities(List.of(Role.SUPERVISOR.authority())))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SUPERVISOR");
        assertThat(Role.parse(" Manager ")).isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("supervisor, manager or admin");
    }

    @Test
    void aRefusalNamesTheLeastRoleTheCheckNeeded() {
        var decision = new AuthorityAuthorizationDecision(false,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_MANAGER"));
        assertThat(RefusedRequests.required(new AuthorizationDeniedException("denied", decision)))
                .isEqualTo(Role.MANAGER);
    }

    private static MockHttpServletRequest request(String path, String header, String parameter) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (header != null) {
            request.addHeader(ApiKey.HEADER, header);
        }
        if (parameter != null) {
            request.setParameter(ApiKeyQueryParameter.NAME, parameter);
        }
        return request;
    }
}
