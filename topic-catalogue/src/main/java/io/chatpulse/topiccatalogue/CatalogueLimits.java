package io.chatpulse.topiccatalogue;

/**
 * How big a tenant's catalogue may be. The defaults are what the KPI job was measured with
 * (docs/kpi-topics.md: 200 topics and 2,000 phrases cost a few µs a message) with room to spare.
 *
 * @param maxTopics  topics of one tenant
 * @param maxPhrases phrases and patterns of one tenant, together
 * @param maxLength  characters of a name, a phrase or a pattern
 */
public record CatalogueLimits(int maxTopics, int maxPhrases, int maxLength) {

    public static final CatalogueLimits DEFAULTS = new CatalogueLimits(1_000, 20_000, 200);

    public CatalogueLimits {
        if (maxTopics < 1 || maxPhrases < 1 || maxLength < 1) {
            throw new IllegalArgumentException("catalogue limits must be at least 1: " + maxTopics + " topics, "
                    + maxPhrases + " phrases, " + maxLength + " characters");
        }
    }
}
