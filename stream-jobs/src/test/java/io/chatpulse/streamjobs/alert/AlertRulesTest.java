package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void theMostSpecificSettingWins() {
        AlertRules rules = AlertRules.parse("queue_wait.threshold=90s; tenant.acme.queue_wait.clear-after=30s;"
                + "tenant.acme.queue.vip.queue_wait.threshold=45s");

        assertThat(rules.queueWait("globex", "tech").thresholdMs()).isEqualTo(90_000);
        assertThat(rules.queueWait("globex", "tech").clearAfterMs()).isEqualTo(60_000);
        assertThat(rules.queueWait("acme", "tech").clearAfterMs()).isEqualTo(30_000);
        assertThat(rules.queueWait("acme", "vip").thresholdMs()).isEqualTo(45_000);
        assertThat(rules.queueWait("acme", "vip").clearAfterMs()).isEqualTo(30_000);
    }

    @Test
    void aCalendarComesWholeFromTheMostSpecificLevelWithAZone() {
        AlertRules rules = AlertRules.parse("""
                tenant.acme.calendar.zone=Europe/Berlin
                tenant.acme.calendar.mon=09:00-17:00
                tenant.acme.queue.night.calendar.zone=UTC
                tenant.acme.queue.night.calendar.mon=00:00-06:00,22:00-24:00
                """);
        long mondayNoonUtc = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneId.of("UTC")).toInstant().toEpochMilli();

        assertThat(rules.calendar("globex", "tech")).isEmpty();
        assertThat(rules.calendar("acme", "tech")).get().matches(c -> c.isOpen(mondayNoonUtc));
        assertThat(rules.calendar("acme", "night")).get().matches(c -> !c.isOpen(mondayNoonUtc))
                .matches(c -> c.isOpen(mondayNoonUtc + 10 * 3_600_000L));
    }

    @Test
    void aTypoStopsTheJobAtStart() {
        assertThatThrownBy(() -> AlertRules.parse("queue_wait.threshold=two minutes"))
                .hasMessageContaining("queue_wait.threshold");
        assertThatThrownBy(() -> AlertRules.parse("calendar.zone=Mars/Olympus"))
                .hasMessageContaining("IANA");
        assertThatThrownBy(() -> AlertRules.parse("calendar.zone=UTC;calendar.mon=17:00-09:00"))
                .hasMessageContaining("end after");
    }

    @Test
    void forecastSettingsHaveTheDefaultsOfMetricsMdAndComePerTenantAndQueue() {
        AlertRules rules = AlertRules.parse("tenant.acme.queue.vip.queue_forecast.service-level-target=0.9;"
                + "tenant.acme.queue_forecast.service-level-time=20s");

        var defaults = rules.forecast("globex", "tech");
        assertThat(defaults.serviceLevelTarget()).isEqualTo(0.8);
        assertThat(defaults.serviceLevelTimeMs()).isEqualTo(30_000);
        assertThat(defaults.arrivalWindowMs()).isEqualTo(15 * 60_000);
        assertThat(defaults.handleTimeWindowMs()).isEqualTo(3_600_000);
        assertThat(defaults.minHandleTimes()).isEqualTo(20);
        assertThat(defaults.defaultCapacity()).isEqualTo(5);
        assertThat(rules.forecast("acme", "vip").serviceLevelTarget()).isEqualTo(0.9);
        assertThat(rules.forecast("acme", "vip").serviceLevelTimeMs()).isEqualTo(20_000);
        assertThat(rules.forecast("acme", "tech").serviceLevelTarget()).isEqualTo(0.8);
    }

    /** Issue 20: a target over 100%, a negative window are refused, naming the setting. */
    @Test
    void badForecastSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> AlertRules.parse("queue_forecast.service-level-target=120%"))
                .hasMessageContaining("queue_forecast.service-level-target").hasMessageContaining("under 100%");
        assertThatThrownBy(() -> AlertRules.parse("tenant.acme.queue_forecast.service-level-target=1.5"))
                .hasMessageContaining("tenant.acme.queue_forecast.service-level-target");
        assertThatThrownBy(() -> AlertRules.parse("queue_forecast.service-level-target=most"))
                .hasMessageContaining("queue_forecast.service-level-target");
        assertThatThrownBy(() -> AlertRules.parse("queue_forecast.arrival-window=-15m"))
                .hasMessageContaining("queue_forecast.arrival-window").hasMessageContaining("negative");
        assertThatThrownBy(() -> AlertRules.parse("queue_forecast.handle-time-window=0s"))
                .hasMessageContaining("queue_forecast.handle-time-window");
        assertThatThrownBy(() -> AlertRules.parse("tenant.acme.queue.vip.queue_forecast.min-handle-times=0"))
                .hasMessageContaining("queue_forecast.min-handle-times");
    }
}
