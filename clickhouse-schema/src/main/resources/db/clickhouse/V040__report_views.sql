-- The report views first defined here are in R__views.sql (decision 35).

-- The channel a conversation was opened on (ConversationOpened.channel), the key of the channel
-- filter. One row per conversation; written by stream-jobs (not yet: until then, a channel filter
-- matches nothing).
CREATE TABLE IF NOT EXISTS conversation_channels
(
    tenant_id       LowCardinality(String),
    conversation_id String,
    channel         LowCardinality(String) COMMENT 'WEB | APP | SOCIAL | API | OTHER',
    opened_at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant_id, channel, conversation_id);
