package io.chatpulse.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated agents' desks: waiting work is served first come first, by the least loaded
 * agent with room for it; nobody holds more than the capacity. Thread-safe.
 *
 * @param <T> a waiting conversation
 */
public final class AgentPool<T> {

    public record Match<T>(T work, String agentId) {
    }

    private final Map<String, Integer> load = new LinkedHashMap<>();
    private final int capacity;
    private final Deque<T> waiting = new ArrayDeque<>();

    public AgentPool(List<String> agentIds, int capacity) {
        agentIds.forEach(id -> load.put(id, 0));
        this.capacity = capacity;
    }

    /** Adds work to the end of the queue; returns whatever can be served now. */
    public synchronized List<Match<T>> offer(T work) {
        waiting.addLast(work);
        return serve();
    }

    /** An agent finished one conversation; returns whatever can be served now. */
    public synchronized List<Match<T>> release(String agentId) {
        load.computeIfPresent(agentId, (id, n) -> Math.max(0, n - 1));
        return serve();
    }

    /** Takes work out of the queue (the customer left); false when it was already served. */
    public synchronized boolean withdraw(T work) {
        return waiting.remove(work);
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    public synchronized int busy() {
        return load.values().stream().mapToInt(Integer::intValue).sum();
    }

    private List<Match<T>> serve() {
        List<Match<T>> matches = new ArrayList<>();
        while (!waiting.isEmpty()) {
            Optional<String> free = load.entrySet().stream()
                    .filter(e -> e.getValue() < capacity)
                    .min(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey);
            if (free.isEmpty()) {
                break;
            }
            load.merge(free.get(), 1, Integer::sum);
            matches.add(new Match<>(waiting.removeFirst(), free.get()));
        }
        return matches;
    }
}
