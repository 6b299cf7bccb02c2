package io.chatpulse.streamjobs.queue;

/**
 * An agent's last status: online or not, how many conversations they may hold, and the queues they
 * serve (their skills name queues; no skills: every queue of the tenant). A Flink POJO.
 */
public class AgentPresence {
    public boolean online;
    public int capacity;
    public String[] skills = new String[0];
    /** Processing time of the status, for the monitor's retention (decision 33); 0 in state from before it. */
    public long seenAt;

    public AgentPresence() {
    }
}
