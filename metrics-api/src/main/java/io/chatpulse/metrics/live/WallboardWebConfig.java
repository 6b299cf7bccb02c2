package io.chatpulse.metrics.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The wallboard: static files under {@code static/wallboard/}, served at {@code /wallboard}. The page
 * itself needs no key (it holds no data); it asks the API with the key it is given.
 */
@Configuration(proxyBeanMethods = false)
class WallboardWebConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/wallboard").setViewName("forward:/wallboard/index.html");
        registry.addViewController("/wallboard/").setViewName("forward:/wallboard/index.html");
    }
}
