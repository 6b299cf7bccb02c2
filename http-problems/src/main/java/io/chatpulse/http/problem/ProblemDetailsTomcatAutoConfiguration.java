package io.chatpulse.http.problem;

import java.util.Arrays;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemDetailsErrorReportValve} in place of the host's HTML error report valve of every
 * chatpulse service on Tomcat, so that no 4xx of theirs is an HTML page.
 */
@AutoConfiguration
@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
public class ProblemDetailsTomcatAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemDetailsErrorReport() {
        return new ProblemDetailsErrorReportCustomizer();
    }

    /** Last of the customizers: Spring Boot's own adds an HTML valve, which this one then takes out. */
    static final class ProblemDetailsErrorReportCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                            .forEach(host.getPipeline()::removeValve);
                    // The host adds a valve of this class when it starts, unless one is there already.
                    host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
