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

-- Counts per queue, topic and minute in [from, to); queue '' for all queues together.
CREATE VIEW IF NOT EXISTS topic_counts_by_minute AS
SELECT
    minute,
    queue_id,
    topic,
    uniqExactMerge(messages)      AS messages,
    uniqExactMerge(conversations) AS conversations
FROM topic_minutes
WHERE tenant_id = {tenant:String}
  AND minute >= {from:DateTime64(3, 'UTC')}
  AND minute < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
GROUP BY minute, queue_id, topic;

-- The heat map of a period: per weekday (1 Monday .. 7 Sunday) and hour of day in tz, and topic.
-- Every UTC minute lies in one local hour (zone offsets are whole quarter hours), so cutting the
-- minutes is exact. A conversation counts once per cell however many of its messages fall in it.
CREATE VIEW IF NOT EXISTS topic_heat_map AS
SELECT
    toDayOfWeek(minute, 0, {tz:String}) AS weekday,
    toHour(minute, {tz:String})         AS hour,
    topic,
    uniqExactMerge(messages)            AS messages,
    uniqExactMerge(conversations)       AS conversations
FROM topic_minutes
WHERE tenant_id = {tenant:String}
  AND minute >= {from:DateTime64(3, 'UTC')}
  AND minute < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
GROUP BY weekday, hour, topic;

-- The live heat map: 5-minute cells (aligned on the clock) and topic, in [from, to).
CREATE VIEW IF NOT EXISTS topic_live_cells AS
SELECT
    toStartOfFiveMinutes(minute)  AS cell,
    topic,
    uniqExactMerge(messages)      AS messages,
    uniqExactMerge(conversations) AS conversations
FROM topic_minutes
WHERE tenant_id = {tenant:String}
  AND minute >= {from:DateTime64(3, 'UTC')}
  AND minute < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
GROUP BY cell, topic;

-- Conversations per contact reason (reason) among those whose reason was named in [from, to).
CREATE VIEW IF NOT EXISTS contact_reason_counts AS
SELECT
    topic                     AS reason,
    count()                   AS conversations
FROM conversation_topics FINAL
WHERE tenant_id = {tenant:String}
  AND contact_reason
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
GROUP BY reason;
