package io.chatpulse.metrics.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void alwaysWritesUtcWithMilliseconds() {
        assertThat(Timestamps.iso(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Timestamps.iso(Instant.parse("2026-03-04T05:06:07.89Z"))).isEqualTo("2026-03-04T05:06:07.890Z");
    }
}
