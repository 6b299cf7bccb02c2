-- Agent time (metrics.md, per agent): online time, occupancy and average concurrency, written by
-- stream-jobs' QueueMonitorJob as one row per agent and minute of event time, so any bucket of a
-- minute or more, cut in any timezone, is a sum of rows:
--   online time         = sum(online_ms)
--   occupancy           = sum(occupied_ms) / sum(online_ms)
--   average concurrency = sum(conversation_ms) / sum(online_ms)
-- A minute is written again with the same figures by a replay or a restart: the last write wins.
CREATE TABLE IF NOT EXISTS agent_time_minutes
(
    tenant_id       LowCardinality(String),
    agent_id        String,
    minute          DateTime('UTC') COMMENT 'start of the minute of event time',
    online_ms       UInt32 COMMENT 'time of the minute in status online',
    occupied_ms     UInt32 COMMENT 'of it, time with at least one active conversation assigned',
    conversation_ms UInt64 COMMENT 'active conversations x time, while online (the integral of concurrency)'
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, agent_id, minute);
