package io.chatpulse.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagerDutySeverityTest {

    /** A customer waiting now is a page; the forecast that one will is a warning (issue 20). */
    @Test
    void theForecastWarnsWhereTheWaitPages() {
        assertThat(PagerDutyChannel.severity("queue_wait")).isEqualTo("critical");
        assertThat(PagerDutyChannel.severity("queue_wait_forecast")).isEqualTo("warning");
    }
}
