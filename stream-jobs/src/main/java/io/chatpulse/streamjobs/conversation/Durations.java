package io.chatpulse.streamjobs.conversation;

final class Durations {
    private Durations() {
    }

    /**
     * Milliseconds from start to end, never negative: events of one conversation arrive in order,
     * but two clocks of chat-core may disagree by a few ms, and the columns are unsigned.
     */
    static long between(long start, long end) {
        return Math.max(0, end - start);
    }
}
