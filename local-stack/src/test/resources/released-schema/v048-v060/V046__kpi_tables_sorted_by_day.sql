-- The KPI tables again, each sorted by its day (UTC) before the queue or agent, and agent_id
-- LowCardinality (ISSUE 6, the 30-day agent report under 1 s before the engine has merged a month
-- into one part). Same columns, values, partitions and deduplication identity: toDate(t) is a
-- function of t, so the same rows collapse.
--
-- Why: readers select with FINAL (decision 3), and FINAL merges at read time every key range where
-- two parts overlap. A live month is a few large parts of earlier days and small ones of the last
-- minutes. Sorted by queue first, every granule that ends one queue and starts the next spans all
-- of the later parts' rows of that queue, so FINAL merged almost the whole month (4 M reply times
-- in 7 parts: 0.48 s with FINAL, 0.23 s without). Sorted by day first, parts of other days do not
-- overlap and are read as they are (0.25 s). A queue, agent or kind filter still uses the key
-- within each day. The day comes before conversation_activity's kind too: a granule between two
-- kinds would otherwise span the later parts' rows of the first kind, as the queue did.
--
-- agent_id: a tenant has hundreds to thousands of agents, and every report groups by them;
-- LowCardinality groups by dictionary position instead of hashing the string (the reply-time view
-- over 4 M rows: 0.20 s as String, 0.15 s as LowCardinality).
--
-- Each table is copied into a new one and swapped in (EXCHANGE TABLES, atomic); the views name
-- the tables, so they read the new ones at once. Run before the jobs write (local-stack and
-- `MigrateCommand` apply migrations before anything starts); a copy interrupted half-way is
-- started over, since the first statement of each table drops a left-over copy. The copy reads
-- and writes every row once.

DROP TABLE IF EXISTS queue_waits_v046;
CREATE TABLE queue_waits_v046 AS queue_waits
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, toDate(ended_at), queue_id, ended_at, conversation_id, queued_at);
ALTER TABLE queue_waits_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO queue_waits_v046 SELECT * FROM queue_waits;
EXCHANGE TABLES queue_waits AND queue_waits_v046;
DROP TABLE queue_waits_v046;

DROP TABLE IF EXISTS first_responses_v046;
CREATE TABLE first_responses_v046 AS first_responses
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(responded_at)
ORDER BY (tenant_id, toDate(responded_at), queue_id, responded_at, conversation_id, started_at);
ALTER TABLE first_responses_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO first_responses_v046 SELECT * FROM first_responses;
EXCHANGE TABLES first_responses AND first_responses_v046;
DROP TABLE first_responses_v046;

DROP TABLE IF EXISTS reply_times_v046;
CREATE TABLE reply_times_v046 AS reply_times
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(replied_at)
ORDER BY (tenant_id, toDate(replied_at), queue_id, replied_at, conversation_id, customer_at);
ALTER TABLE reply_times_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO reply_times_v046 SELECT * FROM reply_times;
EXCHANGE TABLES reply_times AND reply_times_v046;
DROP TABLE reply_times_v046;

DROP TABLE IF EXISTS resolutions_v046;
CREATE TABLE resolutions_v046 AS resolutions
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(resolved_at)
ORDER BY (tenant_id, toDate(resolved_at), queue_id, resolved_at, conversation_id);
ALTER TABLE resolutions_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO resolutions_v046 SELECT * FROM resolutions;
EXCHANGE TABLES resolutions AND resolutions_v046;
DROP TABLE resolutions_v046;

DROP TABLE IF EXISTS handle_times_v046;
CREATE TABLE handle_times_v046 AS handle_times
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant_id, toDate(ended_at), agent_id, ended_at, conversation_id, assigned_at);
ALTER TABLE handle_times_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO handle_times_v046 SELECT * FROM handle_times;
EXCHANGE TABLES handle_times AND handle_times_v046;
DROP TABLE handle_times_v046;

DROP TABLE IF EXISTS csat_ratings_v046;
CREATE TABLE csat_ratings_v046 AS csat_ratings
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(submitted_at)
ORDER BY (tenant_id, toDate(submitted_at), agent_id, submitted_at, conversation_id);
ALTER TABLE csat_ratings_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO csat_ratings_v046 SELECT * FROM csat_ratings;
EXCHANGE TABLES csat_ratings AND csat_ratings_v046;
DROP TABLE csat_ratings_v046;

DROP TABLE IF EXISTS conversation_activity_v046;
CREATE TABLE conversation_activity_v046 AS conversation_activity
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (tenant_id, toDate(at), kind, queue_id, at, event_id);
ALTER TABLE conversation_activity_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO conversation_activity_v046 SELECT * FROM conversation_activity;
EXCHANGE TABLES conversation_activity AND conversation_activity_v046;
DROP TABLE conversation_activity_v046;

DROP TABLE IF EXISTS agent_time_minutes_v046;
CREATE TABLE agent_time_minutes_v046 AS agent_time_minutes
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, toDate(minute), agent_id, minute);
ALTER TABLE agent_time_minutes_v046 MODIFY COLUMN agent_id LowCardinality(String);
INSERT INTO agent_time_minutes_v046 SELECT * FROM agent_time_minutes;
EXCHANGE TABLES agent_time_minutes AND agent_time_minutes_v046;
DROP TABLE agent_time_minutes_v046;
