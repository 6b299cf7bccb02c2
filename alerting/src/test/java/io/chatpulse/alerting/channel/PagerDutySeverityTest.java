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

    /** More customers than usual asking about one topic is worth a look, not a wake-up (issue 21). */
    @Test
    void aTopicSpikeWarns() {
        assertThat(PagerDutyChannel.severity("topic_spike")).isEqualTo("warning");
    }
}
