-- Per-conversation figures written by stream-jobs. ReplacingMergeTree on the natural key of
-- each figure makes a replay after a crash idempotent; readers use FINAL.

CREATE TABLE IF NOT EXISTS queue_waits
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String),
    conversation_id String,
    queued_at       DateTime64(3, 'UTC') COMMENT 'start of the wait episode',
    ended_at        DateTime64(3, 'UTC') COMMENT 'first assignment to a human agent, or abandon: the period the figure belongs to',
    outcome         Enum8('answered' = 1, 'abandoned' = 2),
    agent_id        String COMMENT 'empty when abandoned',
    wait_ms         UInt64,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, queue_id, ended_at, conversation_id, queued_at);

CREATE TABLE IF NOT EXISTS first_responses
(
    tenant_id       LowCardinality(String),
    queue_id        LowCardinality(String) COMMENT 'queue the conversation was in, empty if none',
    conversation_id String,
    agent_id        String,
    started_at      DateTime64(3, 'UTC') COMMENT 'open, reopen or bot handoff',
    responded_at    DateTime64(3, 'UTC') COMMENT 'first human agent message after started_at',
    frt_ms          UInt64,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(responded_at)
ORDER BY (tenant_id, queue_id, responded_at, conversation_id, started_at);
