package io.chatpulse.e2e.fault;

/**
 * What a hostile corpus aims at: the service's base URL, the tenants' keys, a conversation of each
 * tenant (so one tenant can be asked for the other's) and a seed that makes the corpus repeatable.
 */
record CorpusTargets(String baseUrl, String ownKey, String otherTenantKey, String ownConversation,
                     String otherConversation, long seed) {
}
