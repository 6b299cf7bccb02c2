package io.chatpulse.topiccatalogue;

import java.util.List;

/**
 * One topic of a tenant's catalogue as the rules see it: its name, its plain phrases and its RE2
 * patterns. The KPI job's topic and the admin API's request body are both one.
 */
public interface CatalogueEntry {

    String name();

    /** Never null: none is an empty list. */
    List<String> phrases();

    /** Never null: none is an empty list. */
    List<String> patterns();
}
