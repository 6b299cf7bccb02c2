package io.chatpulse.metrics.tenancy;

import io.chatpulse.security.ApiKeyQueryParameter;
import io.chatpulse.security.RequiredRole;
import io.chatpulse.security.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class TenancyWebConfig implements WebMvcConfigurer {

    /** The live stream alone also takes the key as ?apiKey=: a browser's EventSource cannot send headers. */
    @Bean
    ApiKeyQueryParameter liveStreamApiKeyParameter() {
        return new ApiKeyQueryParameter("/api/v1/live/stream");
    }

    /**
     * Exports need a manager key: supervisors read figures; a file of every conversation is more, and
     * one rule for every export is easier to grant than a rule per file.
     */
    @Bean
    RequiredRole exportsNeedManager() {
        return new RequiredRole(Role.MANAGER, "/api/v1/conversations/export", "/api/v1/reports/agents/export",
                "/api/v1/topics/heat-map/export", "/api/v1/topics/live/export", "/api/v1/queues/forecast-accuracy/export",
                "/api/v1/qa/failures/export", "/api/v1/kpis/by-contact-reason/export");
    }

    /** The topic catalogue changes what the KPI job stores for every later message: an admin's task. */
    @Bean
    RequiredRole catalogueNeedsAdmin() {
        return new RequiredRole(Role.ADMIN, "/api/v1/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArgumentResolver());
    }
}
