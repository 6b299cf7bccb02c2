package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsTheResidentAndPeakSizesInMegabytes() {
        assertThat(ProcessMemory.describe(List.of("Name:\tjava", "VmHWM:\t  925696 kB", "VmRSS:\t  831488 kB")))
                .isEqualTo("RSS 812 MB (peak 904 MB)");
    }

    @Test
    void saysSoWhenAFieldIsMissing() {
        assertThat(ProcessMemory.describe(List.of("VmRSS:\t  2048 kB"))).isEqualTo("RSS 2 MB (peak ? MB)");
    }
}
