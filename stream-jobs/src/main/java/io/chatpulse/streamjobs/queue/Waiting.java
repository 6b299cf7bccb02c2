package io.chatpulse.streamjobs.queue;

/** A conversation waiting in a queue since {@code queuedAt} (epoch ms). A Flink POJO. */
public class Waiting {
    public String queueId;
    public long queuedAt;

    public Waiting() {
    }

    public Waiting(String queueId, long queuedAt) {
        this.queueId = queueId;
        this.queuedAt = queuedAt;
    }
}
