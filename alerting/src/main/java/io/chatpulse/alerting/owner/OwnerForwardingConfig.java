package io.chatpulse.alerting.owner;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OwnerForwardingConfig implements WebMvcConfigurer {

    private final OwnerForwarding forwarding;

    OwnerForwardingConfig(OwnerForwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(forwarding).addPathPatterns("/api/**");
    }
}
