-- More per-conversation figures written by stream-jobs (metrics.md): reply times, resolutions,
-- agent episodes (handle time), CSAT ratings and the countable steps of a conversation. As in
-- V001: ReplacingMergeTree on each figure's natural key (a replay after a crash is idempotent),
-- readers use FINAL, times are DateTime64(3, 'UTC'), a figure is filed under the time of the
-- event that completes it.

CREATE TABLE IF NOT EXISTS reply_times
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in, empty if none',
    conversation_id String,
    agent_id        String COMMENT 'the agent who replied',
    customer_at     DateTime64(3, 'UTC') COMMENT 'first customer message since the previous agent message',
    replied_at      DateTime64(3, 'UTC') COMMENT 'the agent message',
    reply_ms        UInt64,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4,
    INDEX agent_idx agent_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(replied_at)
ORDER BY (tenant_id, queue_id, replied_at, conversation_id, customer_at);

CREATE TABLE IF NOT EXISTS resolutions
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in, empty if none',
    conversation_id String,
    agent_id        String COMMENT 'the agent assigned at resolution, empty if none',
    resolved_by     Enum8('customer' = 1, 'agent' = 2, 'bot' = 3, 'system' = 4),
    started_at      DateTime64(3, 'UTC') COMMENT 'open, or the reopen before this resolution',
    resolved_at     DateTime64(3, 'UTC'),
    resolution_ms   UInt64,
    after_reopen    Bool COMMENT 'this resolution ends a reopened stretch',
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4,
    INDEX agent_idx agent_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(resolved_at)
ORDER BY (tenant_id, queue_id, resolved_at, conversation_id);

CREATE TABLE IF NOT EXISTS handle_times
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue at assignment, empty if none',
    conversation_id String,
    agent_id        String,
    assigned_at     DateTime64(3, 'UTC'),
    ended_at        DateTime64(3, 'UTC') COMMENT 'resolution or transfer away',
    ending          Enum8('resolved' = 1, 'transferred' = 2),
    handle_ms       UInt64,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, agent_id, ended_at, conversation_id, assigned_at);

CREATE TABLE IF NOT EXISTS csat_ratings
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in, empty if none',
    conversation_id String,
    agent_id        String COMMENT 'credited: the agent assigned at resolution, empty if a bot resolved it',
    submitted_at    DateTime64(3, 'UTC'),
    rating          UInt8 COMMENT '1..5',
    comment         String,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(submitted_at)
ORDER BY (tenant_id, agent_id, submitted_at, conversation_id);

CREATE TABLE IF NOT EXISTS conversation_activity
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in after the step, empty if none',
    conversation_id String,
    event_id        String,
    kind            Enum8('opened' = 1, 'reopened' = 2, 'resolved' = 3, 'abandoned' = 4, 'survey_offered' = 5,
                          'customer_message' = 6, 'agent_message' = 7, 'bot_message' = 8),
    agent_id        String COMMENT 'message author, resolver, or the agent a survey is about; else empty',
    at              DateTime64(3, 'UTC'),
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (tenant_id, kind, queue_id, at, event_id);
