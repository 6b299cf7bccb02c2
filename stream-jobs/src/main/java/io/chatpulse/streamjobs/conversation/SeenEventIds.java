package io.chatpulse.streamjobs.conversation;

import java.util.Arrays;

/**
 * The event ids a conversation has already counted, as 64-bit hashes kept in its own state: a
 * producer retry or a redelivery after a restart is then skipped with no state of its own to read,
 * write or expire (a keyed map with a time-to-live per id cost more than the figures themselves
 * during a backfill). The newest {@link #KEPT} are kept; redeliveries come within minutes, long
 * before a conversation has had that many more events. A Flink POJO.
 */
public class SeenEventIds {

    static final int KEPT = 512;

    /** Oldest first. */
    public long[] hashes = new long[0];

    public SeenEventIds() {
    }

    /** True the first time an event id is offered; remembers it. */
    public boolean firstTime(String eventId) {
        long hash = hash(eventId);
        for (long seen : hashes) {
            if (seen == hash) {
                return false;
            }
        }
        long[] next = hashes.length < KEPT
                ? Arrays.copyOf(hashes, hashes.length + 1)
                : Arrays.copyOfRange(hashes, 1, KEPT + 1);
        next[next.length - 1] = hash;
        hashes = next;
        return true;
    }

    /** FNV-1a over the characters, then a 64-bit finalizer so that similar ids spread. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
