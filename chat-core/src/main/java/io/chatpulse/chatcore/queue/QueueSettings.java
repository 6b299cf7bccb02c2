package io.chatpulse.chatcore.queue;

import java.time.ZoneId;
import java.util.List;

/**
 * How one queue of a tenant is run. A queue nobody configured still works, with
 * {@link #defaults(String)}.
 *
 * @param skills agent skills that qualify for this queue besides the queue id itself
 * @param serviceLevelSeconds the T of "answered within T" (metrics.md), default 30
 */
public record QueueSettings(String queueId, String name, boolean configured, List<String> skills, ZoneId timezone,
        BusinessHours businessHours, int serviceLevelSeconds) {

    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 30;

    public static QueueSettings defaults(String queueId) {
        return new QueueSettings(queueId, queueId, false, List.of(), ZoneId.of("UTC"), BusinessHours.parse(null),
                DEFAULT_SERVICE_LEVEL_SECONDS);
    }
}
