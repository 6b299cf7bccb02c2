package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeenEventIdsTest {

    @Test
    void anEventIdCountsOnce() {
        SeenEventIds seen = new SeenEventIds();

        assertThat(seen.firstTime("e-1")).isTrue();
        assertThat(seen.firstTime("e-2")).isTrue();
        assertThat(seen.firstTime("e-1")).as("a redelivery").isFalse();
        assertThat(seen.hashes).hasSize(2);
    }

    @Test
    void keepsTheNewestIdsOnly() {
        SeenEventIds seen = new SeenEventIds();
        for (int i = 0; i <= SeenEventIds.KEPT; i++) {
            seen.firstTime("e-" + i);
        }

        assertThat(seen.hashes).hasSize(SeenEventIds.KEPT);
        assertThat(seen.firstTime("e-" + SeenEventIds.KEPT)).as("the newest is kept").isFalse();
        assertThat(seen.firstTime("e-0")).as("the oldest was let go").isTrue();
    }

    @Test
    void similarIdsHashApart() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            hashes.add(SeenEventIds.hash("evt-" + i));
            hashes.add(SeenEventIds.hash(UUID.nameUUIDFromBytes(("conv|" + i).getBytes()).toString()));
        }
        assertThat(hashes).hasSize(200_000);
    }
}
