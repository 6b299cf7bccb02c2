-- Contact reasons (issue 21): the topics of each customer message and of each conversation,
-- written by the KPI job with the tenant's topic catalogue, and their counts per queue, topic and
-- minute that the heat maps read. Definitions in metrics.md's place (docs/kpi-topics.md).
--
-- As in V001/V003: ReplacingMergeTree on each row's natural key, so a replay writes the same rows
-- and they collapse (readers use FINAL); sorted by day first (V046). The counts per minute are a
-- roll-up fed by a materialized view on every insert into message_topics; it counts distinct
-- message and conversation ids (uniqExact states), not rows, so rows a replay or a retried insert
-- writes again are counted once (decision 27).

CREATE TABLE IF NOT EXISTS message_topics
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in at the message, empty if none',
    conversation_id String,
    event_id        String COMMENT 'the customer message',
    at              DateTime64(3, 'UTC') COMMENT 'the message',
    topic           LowCardinality(String),
    rank            UInt8 COMMENT '1 for the topic matched first in the message, 2 for the next, ...',
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (tenant_id, toDate(at), topic, at, conversation_id, event_id);

CREATE TABLE IF NOT EXISTS conversation_topics
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in at the first message naming the topic',
    conversation_id String,
    topic           LowCardinality(String),
    event_id        String COMMENT 'the first customer message naming the topic',
    at              DateTime64(3, 'UTC') COMMENT 'that message',
    contact_reason  Bool COMMENT 'the conversation''s first topic: its contact reason',
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (tenant_id, toDate(at), conversation_id, topic);

CREATE TABLE IF NOT EXISTS topic_minutes
(
    tenant_id     LowCardinality(String),
    queue_id      LowCardinality(String),
    topic         LowCardinality(String),
    minute        DateTime('UTC') COMMENT 'start of the minute of the messages',
    messages      AggregateFunction(uniqExact, String) COMMENT 'customer messages naming the topic',
    conversations AggregateFunction(uniqExact, String) COMMENT 'conversations with such a message'
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, toDate(minute), minute, queue_id, topic);

CREATE MATERIALIZED VIEW IF NOT EXISTS topic_minutes_mv TO topic_minutes AS
SELECT
    tenant_id,
    queue_id,
    topic,
    toStartOfMinute(at)             AS minute,
    uniqExactState(event_id)        AS messages,
    uniqExactState(conversation_id) AS conversations
FROM message_topics
GROUP BY tenant_id, queue_id, topic, minute;
