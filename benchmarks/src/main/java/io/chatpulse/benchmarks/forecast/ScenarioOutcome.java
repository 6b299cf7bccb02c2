package io.chatpulse.benchmarks.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run's webhook deliveries say about one queue: the first forecast warning, the first
 * queue_wait page, the lead between them, and the false warnings. A warning is an incident of
 * queue_wait_forecast (its first trigger; retries and repeats share its notification id). It is
 * false when no page of the same queue follows it within {@code pageWithin}; in a steady run, where
 * no page is expected, that is every warning.
 *
 * @param lead         first page minus first warning; empty without either
 * @param earlyWarnings warnings before the desk changed (a surge run's steady part)
 */
public record ScenarioOutcome(Optional<Instant> firstWarning, Optional<Instant> firstPage, Optional<Duration> lead,
                              int warnings, int falseWarnings, int earlyWarnings, Optional<String> warningText) {

    public static ScenarioOutcome of(List<Delivery> deliveries, String queue, Optional<Instant> surgeAt,
                                     Duration pageWithin) {
        List<Delivery> warnings = firstOfEach(deliveries, Delivery.WARNING, queue);
        List<Instant> pages = firstOfEach(deliveries, Delivery.PAGE, queue).stream().map(Delivery::at).toList();
        Optional<Instant> firstWarning = warnings.stream().map(Delivery::at).findFirst();
        Optional<Instant> firstPage = pages.stream().findFirst();
        Optional<Duration> lead = firstWarning.flatMap(w -> firstPage.map(p -> Duration.between(w, p)));
        int falseWarnings = (int) warnings.stream()
                .filter(w -> pages.stream().noneMatch(p -> !p.isBefore(w.at()) && !p.isAfter(w.at().plus(pageWithin))))
                .count();
        int early = (int) warnings.stream().filter(w -> surgeAt.isPresent() && w.at().isBefore(surgeAt.get())).count();
        return new ScenarioOutcome(firstWarning, firstPage, lead, warnings.size(), falseWarnings, early,
                warnings.stream().map(Delivery::summary).findFirst());
    }

    /** Each incident's first trigger of the rule in the queue, earliest first. */
    private static List<Delivery> firstOfEach(List<Delivery> deliveries, String rule, String queue) {
        Set<String> incidents = new HashSet<>();
        return deliveries.stream().filter(d -> d.triggers(rule, queue))
                .sorted(Comparator.comparing(Delivery::at))
                .filter(d -> incidents.add(d.notificationId()))
                .toList();
    }
}
