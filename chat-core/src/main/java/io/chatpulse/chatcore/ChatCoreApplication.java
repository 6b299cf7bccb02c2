package io.chatpulse.chatcore;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ChatCoreApplication {

    public static void main(String[] args) {
        // chat-core only writes Avro, but anything reading it in this JVM must trust the generated classes.
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.chatpulse.events"));
        SpringApplication.run(ChatCoreApplication.class, args);
    }

    /** Event time comes from this clock (millisecond ticks, like the events' epoch millis); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }
}
