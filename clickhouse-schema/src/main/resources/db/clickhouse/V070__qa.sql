-- Automatic QA (issue 21): the QA score of each ended stretch of a conversation (from its open or a
-- reopen to its resolution, or to its abandonment after an agent joined) and each check's verdict,
-- written by the KPI job with the tenant's scorecard. Definitions in metrics.md's place
-- (docs/kpi-qa.md).
--
-- As in V001/V060: ReplacingMergeTree on each row's natural key, so a replay writes the same rows
-- and they collapse (readers use FINAL); sorted by day first (V046). The version column is the
-- revision: a survey offered right after the resolution gives the verdict again as revision 1,
-- which replaces revision 0 whatever order the rows arrive in. Every check's verdict is a row, passes
-- and not-applicables too, so the revision-1 pass of a check replaces its revision-0 failure.

CREATE TABLE IF NOT EXISTS qa_scores
(
    tenant_id         LowCardinality(String),
    queue_id          LowCardinality(String) COMMENT 'queue at the end, empty if none',
    conversation_id   String,
    agent_id          LowCardinality(String) COMMENT 'credited: the agent assigned at resolution (as CSAT), else the last agent assigned',
    ended_at          DateTime64(3, 'UTC') COMMENT 'the resolution or abandonment',
    ending            LowCardinality(String) COMMENT 'resolved or abandoned',
    score             Float64 COMMENT '100 x passed_weight / applicable_weight',
    passed_weight     UInt32,
    applicable_weight UInt32,
    scorecard_version UInt32,
    revision          UInt8,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, toDate(ended_at), agent_id, ended_at, conversation_id);

CREATE TABLE IF NOT EXISTS qa_checks
(
    tenant_id         LowCardinality(String),
    queue_id          LowCardinality(String),
    conversation_id   String,
    agent_id          LowCardinality(String),
    ended_at          DateTime64(3, 'UTC'),
    check_name        LowCardinality(String) COMMENT 'greeting, forbidden_phrases, closing, reply_time, transfers, survey_offered',
    outcome           LowCardinality(String) COMMENT 'pass, fail or not_applicable',
    weight            UInt8,
    event_id          String COMMENT 'the message (or transfer) that failed the check; empty otherwise',
    at                DateTime64(3, 'UTC') COMMENT 'its time; ended_at when no message failed it',
    scorecard_version UInt32,
    revision          UInt8,
    INDEX conversation_idx conversation_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, toDate(ended_at), check_name, agent_id, ended_at, conversation_id);
