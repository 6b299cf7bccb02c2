package io.chatpulse.events;

/** The Kafka topics of the contract. Deployments may prefix them; the suffixes never change. */
public final class Topics {
    /** {@link ConversationEvent}s keyed by conversation id. */
    public static final String CONVERSATION_EVENTS = "chatpulse.conversation-events";
    /** {@link AgentEvent}s keyed by agent id. */
    public static final String AGENT_EVENTS = "chatpulse.agent-events";
    /** {@link AlertEvent}s keyed by tenant, rule and scope. */
    public static final String ALERTS = "chatpulse.alerts";
    /** {@link AlertCommand}s (acknowledge, silence) keyed by tenant; written by alerting's API, read by its lifecycle. */
    public static final String ALERT_COMMANDS = "chatpulse.alert-commands";
    /** {@link AlertNotification}s due for delivery, keyed by dedup key and channel. */
    public static final String ALERT_NOTIFICATIONS = "chatpulse.alert-notifications";
    /** {@link DeliveryAttempt}s, one per attempt to deliver a notification, keyed by tenant. */
    public static final String ALERT_DELIVERIES = "chatpulse.alert-deliveries";
    /**
     * {@link TopicCatalogueVersion}s keyed by tenant, compacted: every tenant's newest topic catalogue.
     * Written by metrics-api's admin API, read by the KPI job as it runs.
     */
    public static final String TOPIC_CATALOGUE = "chatpulse.topic-catalogue";
    /**
     * {@link QaScorecardVersion}s keyed by tenant, compacted: every tenant's newest QA scorecard, read
     * by the KPI job as it runs.
     */
    public static final String QA_SCORECARD = "chatpulse.qa-scorecard";
    /** Records that could not be read, unchanged, with the reason in headers. */
    public static final String DEAD_LETTER = "chatpulse.dead-letter";

    /** Header names on dead-letter records. */
    public static final String HEADER_DLQ_REASON = "dlq.reason";
    public static final String HEADER_DLQ_SOURCE_TOPIC = "dlq.source.topic";
    public static final String HEADER_DLQ_SOURCE_PARTITION = "dlq.source.partition";
    public static final String HEADER_DLQ_SOURCE_OFFSET = "dlq.source.offset";

    /**
     * On the conversation events a history import writes: the id of that import run. The live queue
     * monitor reads the present and skips them; the import has its own records evaluated as a replay.
     */
    public static final String HEADER_IMPORT_ID = "chatpulse.import-id";

    private Topics() {
    }
}
