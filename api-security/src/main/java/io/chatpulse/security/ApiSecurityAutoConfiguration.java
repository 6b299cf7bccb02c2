package io.chatpulse.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys and roles for {@code /api/**}: the key in {@code X-Api-Key} names one tenant and one
 * role; every key may call (supervisor and up) except where a {@link RequiredRole} bean of the
 * service asks for more. Stateless: no session, no CSRF token (no cookie carries the key), no
 * login page. Everything outside {@code /api/**} (the wallboard page, Swagger UI, actuator) is not
 * touched. Why Spring Security: docs/decisions/0023-api-keys-with-spring-security.md.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiSecurityAutoConfiguration {

    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyProperties properties) {
        return new ApiKeyAuthenticationProvider(properties);
    }

    @Bean
    static RoleHierarchy apiKeyRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.MANAGER.name())
                .role(Role.MANAGER.name()).implies(Role.SUPERVISOR.name())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyProblems apiKeyProblems() {
        return new ApiKeyProblems() {
        };
    }

    @Bean
    @ConfigurationPropertiesBinding
    static ApiKeyPropertyConverters.FlatApiKey flatApiKeyConverter() {
        return new ApiKeyPropertyConverters.FlatApiKey();
    }

    @Bean
    @ConfigurationPropertiesBinding
    static ApiKeyPropertyConverters.RoleName roleNameConverter() {
        return new ApiKeyPropertyConverters.RoleName();
    }

    /**
     * Spring Security's firewall stays (it refuses encoded percent signs, semicolons, backslashes and
     * the like), answering with a 400 problem rather than a bare status; unusual HTTP methods pass on
     * to Spring MVC, which answers 405 with a problem as before.
     */
    @Bean
    WebSecurityCustomizer apiKeyFirewall(ApiKeyProblems problems, JsonMapper json) {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        RefusedRequests refused = new RefusedRequests(problems, json);
        return web -> web.httpFirewall(firewall).requestRejectedHandler(refused);
    }

    @Bean
    SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, ApiKeyAuthenticationProvider provider,
            ApiKeyProblems problems, JsonMapper json, ObjectProvider<ApiKeyQueryParameter> queryParameterPaths,
            ObjectProvider<RequiredRole> requiredRoles) throws Exception {
        RefusedRequests refused = new RefusedRequests(problems, json);
        AuthenticationFilter apiKeys = new AuthenticationFilter(new ProviderManager(provider),
                new ApiKeyAuthenticationConverter(queryParameterPaths.orderedStream().toList()));
        apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(refused));
        apiKeys.setSuccessHandler((request, response, authentication) ->
                request.setAttribute(Caller.ATTRIBUTE, authentication.getPrincipal()));
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterAt(apiKeys, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // The first dispatch was checked; an error page or an async result needs no second key.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requiredRoles.orderedStream().forEach(required -> requests
                            .requestMatchers(required.pathPatterns().toArray(String[]::new)).hasRole(required.role().name()));
                    requests.anyRequest().hasRole(Role.SUPERVISOR.name());
                })
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(refused).accessDeniedHandler(refused))
                .build();
    }
}
