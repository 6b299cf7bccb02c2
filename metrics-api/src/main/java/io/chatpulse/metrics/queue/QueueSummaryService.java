package io.chatpulse.metrics.queue;

import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

@Service
public class QueueSummaryService {

    private final QueueSummaryRepository repository;
    private final SummaryProperties properties;

    public QueueSummaryService(QueueSummaryRepository repository, SummaryProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    public QueueSummary summary(Tenant tenant, String from, String to, String queueId) {
        SummaryPeriod period = SummaryPeriod.parse(from, to, properties.maxPeriod());
        Optional<String> queue = Optional.ofNullable(queueId).filter(q -> !q.isBlank());
        return combine(period, repository.queueWaits(tenant, period, queue),
                repository.firstResponses(tenant, period, queue));
    }

    /** One entry per queue that has either figure in the period; the missing one is empty. */
    static QueueSummary combine(SummaryPeriod period, Map<String, Distribution> waits,
                                Map<String, Distribution> responses) {
        TreeSet<String> queueIds = new TreeSet<>(waits.keySet());
        queueIds.addAll(responses.keySet());
        List<QueueSummary.Queue> queues = new ArrayList<>();
        for (String queueId : queueIds) {
            queues.add(new QueueSummary.Queue(queueId, waits.getOrDefault(queueId, Distribution.EMPTY),
                    responses.getOrDefault(queueId, Distribution.EMPTY)));
        }
        return new QueueSummary(Timestamps.iso(period.from()), Timestamps.iso(period.to()), queues);
    }
}
