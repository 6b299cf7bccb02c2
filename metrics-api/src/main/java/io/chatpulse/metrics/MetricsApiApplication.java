package io.chatpulse.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** REST API over the KPIs that stream-jobs store in ClickHouse; every request is scoped to one tenant. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetricsApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsApiApplication.class, args);
    }
}
