package io.chatpulse.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Kafka Streams app: alert intake, lifecycle (group, dedup, repeat, resolve, acknowledge, silence, inhibit) and delivery. */
@SpringBootApplication
@EnableKafkaStreams
public class AlertingApplication {

    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        trustEventClasses();
        SpringApplication.run(AlertingApplication.class, args);
    }

    /**
     * Avro 1.12 refuses to instantiate generated classes outside trusted packages; set before any
     * Avro class loads, and keep a value an operator passed with -D.
     */
    static void trustEventClasses() {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, "io.chatpulse.events");
        }
    }
}
