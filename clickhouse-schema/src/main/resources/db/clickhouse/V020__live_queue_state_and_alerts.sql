-- Live per-queue state and alert history, written by stream-jobs' QueueMonitorJob.
-- Figures are computed from event time (as_of is the event time they are for), so a replay of
-- history writes the same rows; the monitor writes a row per queue every second while live.

-- The latest state per tenant and queue: the row with the highest version (as_of in ms) wins.
-- Read with FINAL (or through the view queue_live_now).
CREATE TABLE IF NOT EXISTS queue_live_state
(
    tenant_id        LowCardinality(String),
    queue_id         LowCardinality(String),
    as_of            DateTime64(3, 'UTC') COMMENT 'event time the figures are for',
    queue_length     UInt32 COMMENT 'conversations waiting for an agent',
    oldest_wait_ms   UInt64 COMMENT 'age of the longest-waiting conversation at as_of, 0 when none waits',
    oldest_queued_at Nullable(DateTime64(3, 'UTC')) COMMENT 'when the longest-waiting conversation entered the queue',
    agents_online    UInt32 COMMENT 'agents online who serve the queue (skill named, or no skills)',
    agents_available UInt32 COMMENT 'of them, with free capacity',
    agents_busy      UInt32 COMMENT 'of them, at full capacity',
    version          UInt64 COMMENT 'as_of in epoch ms'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, queue_id);

-- The same rows over time, for freshness and time-series panels; kept one day.
CREATE TABLE IF NOT EXISTS queue_live_history
(
    tenant_id        LowCardinality(String),
    queue_id         LowCardinality(String),
    as_of            DateTime64(3, 'UTC'),
    queue_length     UInt32,
    oldest_wait_ms   UInt64,
    oldest_queued_at Nullable(DateTime64(3, 'UTC')),
    agents_online    UInt32,
    agents_available UInt32,
    agents_busy      UInt32
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMMDD(as_of)
ORDER BY (tenant_id, queue_id, as_of)
TTL toDateTime(as_of) + INTERVAL 1 DAY;

-- Every alert state change the stream jobs detect (also those of a replay, marked replay = 1).
CREATE TABLE IF NOT EXISTS alert_history
(
    tenant_id     LowCardinality(String),
    rule          LowCardinality(String),
    scope         String COMMENT 'e.g. queue:billing',
    state         Enum8('firing' = 1, 'resolved' = 2),
    event_time    DateTime64(3, 'UTC') COMMENT 'event time of the state change',
    started_at    DateTime64(3, 'UTC') COMMENT 'when the incident began firing',
    value         Float64,
    threshold     Float64,
    summary       String,
    dashboard_url String,
    replay        Bool COMMENT 'computed over history: stored, never paged',
    event_id      String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (tenant_id, rule, scope, event_time, state);
