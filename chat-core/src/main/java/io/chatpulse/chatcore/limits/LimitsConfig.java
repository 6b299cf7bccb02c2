package io.chatpulse.chatcore.limits;

import io.chatpulse.limits.TenantRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LimitsConfig {

    /** The project's one per-tenant token-bucket limiter (module tenant-limits), with chat-core's rates. */
    @Bean
    TenantRateLimiter tenantRateLimiter(LimitsProperties limits) {
        return new TenantRateLimiter(limits::rateOf);
    }
}
