package io.chatpulse.metrics.limits;

import io.chatpulse.limits.TenantRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LimitsWebConfig implements WebMvcConfigurer {

    private final TenantLimitsInterceptor limits;

    LimitsWebConfig(TenantLimitsInterceptor limits) {
        this.limits = limits;
    }

    /** The project's one per-tenant token-bucket limiter (module tenant-limits), with metrics-api's rates. */
    @Bean
    static TenantRateLimiter tenantRateLimiter(LimitsProperties properties) {
        return new TenantRateLimiter(properties::rateOf);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the tenant interceptor (order 0): the tenant must be known, and an unknown key is a
        // 401 that costs no one's tokens.
        registry.addInterceptor(limits).addPathPatterns("/api/**").order(1);
    }
}
