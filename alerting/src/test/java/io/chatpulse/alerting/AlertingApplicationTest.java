package io.chatpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertingApplicationTest {

    @Test
    void trustsTheEventClassesWithoutOverridingAnOperatorsChoice() {
        String before = System.getProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES);
        try {
            System.clearProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES);
            AlertingApplication.trustEventClasses();
            assertThat(System.getProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES)).isEqualTo("io.chatpulse.events");

            System.setProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES, "io.chatpulse.events,com.example");
            AlertingApplication.trustEventClasses();
            assertThat(System.getProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES)).isEqualTo("io.chatpulse.events,com.example");
        } finally {
            if (before == null) {
                System.clearProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES);
            } else {
                System.setProperty(AlertingApplication.AVRO_TRUSTED_PACKAGES, before);
            }
        }
    }
}
