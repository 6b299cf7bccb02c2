package io.chatpulse.metrics.limits;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LimitsWebConfig implements WebMvcConfigurer {

    private final TenantLimitsInterceptor limits;

    LimitsWebConfig(TenantLimitsInterceptor limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the tenant interceptor (order 0): the tenant must be known, and an unknown key is a
        // 401 that costs no one's tokens.
        registry.addInterceptor(limits).addPathPatterns("/api/**").order(1);
    }
}
