package io.chatpulse.metrics.limits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.metrics.limits.LimitsProperties.TenantOverride;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSlotsTest {

    final ExportSlots slots = new ExportSlots(new LimitsProperties(null, null, 2, null,
            Map.of("acme", new TenantOverride(null, null, 1))));

    @Test
    void aTenantHoldsAtMostItsSlotsAndGetsOneBackWhenAnExportEnds() {
        ExportSlots.Slot first = slots.take("acme");
        assertThatThrownBy(() -> slots.take("acme")).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("may stream 1 exports at once");

        first.release();

        assertThatCode(() -> slots.take("acme")).doesNotThrowAnyException();
    }

    @Test
    void aSlotReleasedTwiceIsGivenBackOnce() {
        ExportSlots.Slot first = slots.take("globex");
        slots.take("globex");
        first.release();
        first.release();

        slots.take("globex");
        assertThatThrownBy(() -> slots.take("globex")).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void oneTenantsExportsLeaveTheOthersTheirs() {
        slots.take("acme");

        assertThatCode(() -> {
            slots.take("globex");
            slots.take("globex");
        }).doesNotThrowAnyException();
    }
}
