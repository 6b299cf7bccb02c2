package io.chatpulse.chatcore.conversation;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hands out the tickets that order waits (first come, first served). After a restart the
 * replayed tickets are the largest seen so far, so new waits still line up behind them.
 */
public class WaitTickets implements LongSupplier {

    private final AtomicLong last = new AtomicLong();

    @Override
    public long getAsLong() {
        return last.incrementAndGet();
    }

    public void advancePast(long ticket) {
        last.accumulateAndGet(ticket, Math::max);
    }
}
