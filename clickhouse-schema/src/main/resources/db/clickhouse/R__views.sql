-- Every view of chatpulse's ClickHouse schema, as it is now: the one place a figure's SQL is
-- written (metrics.md defines the figures; decision 4: metrics-api and every Grafana panel read
-- these views, so a number cannot differ between them). Applied after the versioned migrations
-- (V*.sql, tables and columns only) whenever this file changed or a migration was applied, each
-- statement CREATE OR REPLACE, top to bottom: a view comes after the views and functions it reads
-- (decision 35). Edit a view here, in place; a view no longer wanted gets a DROP VIEW IF EXISTS at
-- the top. Materialized views that fill a table stay in the migrations with their table.
--
-- The report views are one view per family of figures, parameterized by:
--   tenant, from, to        the tenant and the half-open period [from, to), UTC instants
--   tz                      IANA timezone the buckets are cut in
--   bucket                  'minute' | 'hour' | 'day' | 'week' (weeks start on Monday) cut in tz,
--                           or anything else ('period'): one bucket for the whole period, the summary
--   by_agent                true: one row per agent as well (the agent report), false: agent = ''
--   by_queue                (where the figure has a queue) true: one row per queue as well, false: queue = ''
--   queue, agent, channel   filters, '' for all
--   reason                  filter: conversations whose contact reason (conversation_topics) is this
--                           topic, '' for all (folded away then: conversation_topics is not read)
-- bucket_ms is the bucket's start, epoch ms. Summary and series are the same view with a different
-- bucket, so they agree by construction: counts add up, and a single-bucket period gives the same
-- quantiles. Quantiles are exact and interpolated (quantilesExactInclusive, Excel's
-- PERCENTILE.INC), counts stand next to every rate. A figure is counted in the period of the
-- event that completes it. Parameters ClickHouse does not use are ignored, so callers may pass
-- the same set to every view.

-- The start of the bucket a time falls in, epoch ms, in the caller's timezone: 'minute', 'hour',
-- 'day', 'week' (from Monday), else the whole period (its start). An if() chain, not multiIf(): a
-- view's bucket parameter is a constant, and ClickHouse folds the chain away, so a whole-period
-- report groups by the agent alone (the function is inlined where it is called; checked with
-- EXPLAIN). One definition for every report view.
CREATE OR REPLACE FUNCTION chatpulse_bucket_ms AS (t, bucket, tz, period_start) ->
    if(bucket = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(t), tz))) * 1000,
    if(bucket = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(t), tz))) * 1000,
    if(bucket = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(t), tz))) * 1000,
    if(bucket = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(t, tz), tz))) * 1000,
       toUnixTimestamp64Milli(period_start)))));

-- Queue waits by the period the wait ended in: the wait distribution of the answered, service
-- level = answered within T / (answered + abandoned), abandonment rate = abandoned / (answered +
-- abandoned), short abandons (under short_abandon_ms) left out of both, average speed of answer =
-- mean wait of the answered. T is per queue: callers pass the queue's.
CREATE OR REPLACE VIEW report_queue_waits AS
SELECT
    chatpulse_bucket_ms(ended_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    countIf(outcome = 'answered') AS answered,
    if(answered = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(wait_ms, outcome = 'answered')[1])  AS median_ms,
    if(answered = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(wait_ms, outcome = 'answered')[2])  AS p90_ms,
    if(answered = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(wait_ms, outcome = 'answered')[3]) AS p99_ms,
    if(answered = 0, NULL, avgIf(wait_ms, outcome = 'answered'))                          AS mean_ms,
    countIf(outcome = 'answered' AND wait_ms <= {answer_within_ms:UInt64})  AS answered_within,
    countIf(outcome = 'abandoned' AND wait_ms >= {short_abandon_ms:UInt64}) AS abandoned,
    countIf(outcome = 'abandoned' AND wait_ms < {short_abandon_ms:UInt64})  AS short_abandons,
    if(answered + abandoned = 0, NULL, answered_within / (answered + abandoned)) AS service_level,
    if(answered + abandoned = 0, NULL, abandoned / (answered + abandoned))       AS abandonment_rate,
    mean_ms                                                                  AS average_speed_of_answer_ms
FROM queue_waits FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- First response times by the period of the response.
CREATE OR REPLACE VIEW report_first_responses AS
SELECT
    chatpulse_bucket_ms(responded_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_ms)[3] AS p99_ms,
    avg(frt_ms)                          AS mean_ms
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- Reply times by the period of the reply; the agent is the one who replied.
CREATE OR REPLACE VIEW report_reply_times AS
SELECT
    chatpulse_bucket_ms(replied_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_ms)[3] AS p99_ms,
    avg(reply_ms)                          AS mean_ms
FROM reply_times FINAL
WHERE tenant_id = {tenant:String}
  AND replied_at >= {from:DateTime64(3, 'UTC')}
  AND replied_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- Resolution times by the period of the resolution; the agent is the one assigned at resolution.
CREATE OR REPLACE VIEW report_resolution_times AS
SELECT
    chatpulse_bucket_ms(resolved_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_ms)[3] AS p99_ms,
    avg(resolution_ms)                          AS mean_ms
FROM resolutions FINAL
WHERE tenant_id = {tenant:String}
  AND resolved_at >= {from:DateTime64(3, 'UTC')}
  AND resolved_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- The business-hours twins of the three above: the same parameters, rows, output columns and
-- arithmetic over frt_business_ms, reply_business_ms and resolution_business_ms (V007), the time
-- inside the queue's weekly calendar. metrics-api reads them for hours=business.
CREATE OR REPLACE VIEW report_first_responses_business AS
SELECT
    chatpulse_bucket_ms(responded_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_business_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_business_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(frt_business_ms)[3] AS p99_ms,
    avg(frt_business_ms)                          AS mean_ms
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

CREATE OR REPLACE VIEW report_reply_times_business AS
SELECT
    chatpulse_bucket_ms(replied_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_business_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_business_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(reply_business_ms)[3] AS p99_ms,
    avg(reply_business_ms)                          AS mean_ms
FROM reply_times FINAL
WHERE tenant_id = {tenant:String}
  AND replied_at >= {from:DateTime64(3, 'UTC')}
  AND replied_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

CREATE OR REPLACE VIEW report_resolution_times_business AS
SELECT
    chatpulse_bucket_ms(resolved_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_business_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_business_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(resolution_business_ms)[3] AS p99_ms,
    avg(resolution_business_ms)                          AS mean_ms
FROM resolutions FINAL
WHERE tenant_id = {tenant:String}
  AND resolved_at >= {from:DateTime64(3, 'UTC')}
  AND resolved_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- Handle times (agent episodes) by the period the episode ended.
CREATE OR REPLACE VIEW report_handle_times AS
SELECT
    chatpulse_bucket_ms(ended_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantilesExactInclusive(0.5, 0.9, 0.99)(handle_ms)[1]  AS median_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(handle_ms)[2]  AS p90_ms,
    quantilesExactInclusive(0.5, 0.9, 0.99)(handle_ms)[3] AS p99_ms,
    avg(handle_ms)                          AS mean_ms,
    countIf(ending = 'resolved') AS resolved
FROM handle_times FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent;

-- CSAT = ratings of 4 or 5 / all ratings x 100, average rating and negative rate (ratings of 1
-- or 2 / all) by the period the rating was submitted, credited to the agent assigned at
-- resolution (agent '': resolved by a bot).
CREATE OR REPLACE VIEW report_csat AS
SELECT
    chatpulse_bucket_ms(submitted_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count()                                        AS ratings,
    countIf(rating >= 4)                           AS satisfied,
    countIf(rating <= 2)                           AS negative,
    100 * satisfied / ratings                      AS csat,
    avg(rating)                                    AS average_rating,
    negative / ratings                             AS negative_rate
FROM csat_ratings FINAL
WHERE tenant_id = {tenant:String}
  AND submitted_at >= {from:DateTime64(3, 'UTC')}
  AND submitted_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent;

-- Volume, conversations handled (distinct conversations assigned in the bucket: not additive
-- across buckets), resolutions, reopens and the reopen rate (reopens / resolutions), abandons and
-- transfers away from the agent.
CREATE OR REPLACE VIEW report_activity AS
SELECT
    chatpulse_bucket_ms(at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
    countIf(kind = 'opened')                              AS opened,
    countIf(kind = 'customer_message')                    AS messages_in,
    countIf(kind = 'agent_message')                       AS messages_out_agent,
    countIf(kind = 'bot_message')                         AS messages_out_bot,
    uniqExactIf(conversation_id, kind = 'assigned')       AS handled,
    countIf(kind = 'resolved')                            AS resolutions,
    countIf(kind = 'reopened')                            AS reopens,
    if(resolutions = 0, NULL, reopens / resolutions)      AS reopen_rate,
    countIf(kind = 'survey_offered')                      AS surveys_offered,
    countIf(kind = 'abandoned')                           AS abandoned,
    countIf(kind = 'transferred')                         AS transfers_away
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent, queue;

-- Survey response rate = ratings / surveys offered, each counted in its own event's bucket.
CREATE OR REPLACE VIEW report_survey_responses AS
SELECT
    bucket_ms,
    agent,
    surveys_offered,
    ratings,
    if(surveys_offered = 0, NULL, ratings / surveys_offered) AS response_rate
FROM
(
SELECT
    chatpulse_bucket_ms(at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS surveys_offered
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND kind = 'survey_offered'
GROUP BY bucket_ms, agent
) AS offered
FULL OUTER JOIN
(
SELECT
    chatpulse_bucket_ms(submitted_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS ratings
FROM csat_ratings FINAL
WHERE tenant_id = {tenant:String}
  AND submitted_at >= {from:DateTime64(3, 'UTC')}
  AND submitted_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent
) AS rated USING (bucket_ms, agent);

-- The agent report's conversations handled and resolutions: report_activity's arithmetic over the
-- two kinds it counts, which the table's sort key lets ClickHouse skip to (a 30-day report over
-- 10 million messages reads 2 million rows instead of 14 million).
CREATE OR REPLACE VIEW report_agent_activity AS
SELECT
    chatpulse_bucket_ms(at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    uniqExactIf(conversation_id, kind = 'assigned') AS handled,
    countIf(kind = 'resolved')                      AS resolutions
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND kind IN ('assigned', 'resolved')
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY bucket_ms, agent;

-- The agent report's online time, occupancy and average concurrency (metrics.md, per agent) from
-- agent_time_minutes; a minute counts when its start is in [from, to). Agent time belongs to an
-- agent, not to a queue or a channel: no queue and channel parameters (ClickHouse ignores the ones
-- a caller of every report view passes). Occupancy and concurrency are NULL when not online.
CREATE OR REPLACE VIEW report_agent_time AS
SELECT
    bucket_ms,
    agent,
    online_ms,
    if(online_ms = 0, NULL, occupied_ms / online_ms)     AS occupancy,
    if(online_ms = 0, NULL, conversation_ms / online_ms) AS average_concurrency
FROM
(
SELECT
    chatpulse_bucket_ms(minute, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    sum(online_ms)       AS online_ms,
    sum(occupied_ms)     AS occupied_ms,
    sum(conversation_ms) AS conversation_ms
FROM agent_time_minutes FINAL
WHERE tenant_id = {tenant:String}
  AND minute >= {from:DateTime64(3, 'UTC')}
  AND minute < {to:DateTime64(3, 'UTC')}
  AND ({agent:String} = '' OR agent_id = {agent:String})
GROUP BY bucket_ms, agent
) AS minutes;

-- The rows behind a figure (drill-down and the conversation export), with the same filter as
-- the report views, so the rows of a period add up to the figure's count. value is milliseconds,
-- or the rating for csat; over/under are exclusive bounds on it (pass -1 and 9223372036854775807
-- for none). Ordered by the caller.
CREATE OR REPLACE VIEW report_figure_rows AS
SELECT 'queue_wait' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(queued_at) AS started_ms, toUnixTimestamp64Milli(ended_at) AS completed_ms,
       toInt64(wait_ms) AS value, toString(outcome) AS detail
FROM queue_waits FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'queue_wait'
  AND outcome = 'answered'
  AND toInt64(wait_ms) > {over:Int64} AND toInt64(wait_ms) < {under:Int64}
UNION ALL
SELECT 'first_response' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(started_at) AS started_ms, toUnixTimestamp64Milli(responded_at) AS completed_ms,
       toInt64(frt_ms) AS value, toString('') AS detail
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'first_response'
  AND toInt64(frt_ms) > {over:Int64} AND toInt64(frt_ms) < {under:Int64}
UNION ALL
SELECT 'reply_time' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(customer_at) AS started_ms, toUnixTimestamp64Milli(replied_at) AS completed_ms,
       toInt64(reply_ms) AS value, toString('') AS detail
FROM reply_times FINAL
WHERE tenant_id = {tenant:String}
  AND replied_at >= {from:DateTime64(3, 'UTC')}
  AND replied_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'reply_time'
  AND toInt64(reply_ms) > {over:Int64} AND toInt64(reply_ms) < {under:Int64}
UNION ALL
SELECT 'resolution_time' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(started_at) AS started_ms, toUnixTimestamp64Milli(resolved_at) AS completed_ms,
       toInt64(resolution_ms) AS value, toString(resolved_by) AS detail
FROM resolutions FINAL
WHERE tenant_id = {tenant:String}
  AND resolved_at >= {from:DateTime64(3, 'UTC')}
  AND resolved_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'resolution_time'
  AND toInt64(resolution_ms) > {over:Int64} AND toInt64(resolution_ms) < {under:Int64}
UNION ALL
SELECT 'handle_time' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(assigned_at) AS started_ms, toUnixTimestamp64Milli(ended_at) AS completed_ms,
       toInt64(handle_ms) AS value, toString(ending) AS detail
FROM handle_times FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'handle_time'
  AND toInt64(handle_ms) > {over:Int64} AND toInt64(handle_ms) < {under:Int64}
UNION ALL
SELECT 'csat' AS figure, conversation_id, queue_id, agent_id,
       toUnixTimestamp64Milli(submitted_at) AS started_ms, toUnixTimestamp64Milli(submitted_at) AS completed_ms,
       toInt64(rating) AS value, toString(comment) AS detail
FROM csat_ratings FINAL
WHERE tenant_id = {tenant:String}
  AND submitted_at >= {from:DateTime64(3, 'UTC')}
  AND submitted_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
  AND {figure:String} = 'csat'
  AND toInt64(rating) > {over:Int64} AND toInt64(rating) < {under:Int64};

-- The summaries of the first migrations (V002-V005), each the whole period [from, to) of one report
-- view per queue or per agent: a projection of the report view, whose arithmetic is the only one.
-- Kept for the readers that name them (GET /api/v1/queues/summary, the Supervisor dashboard's
-- tables) and for SQL written against them; each row as before, under its old column names.

-- Per queue, queues with an answered conversation: the wait distribution of the answered.
CREATE OR REPLACE VIEW queue_wait_summary AS
SELECT queue AS queue_id, answered, assumeNotNull(median_ms) AS median_ms, assumeNotNull(p90_ms) AS p90_ms,
       assumeNotNull(p99_ms) AS p99_ms, assumeNotNull(mean_ms) AS mean_ms
FROM report_queue_waits(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                        tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                        channel = '', reason = '', answer_within_ms = 0, short_abandon_ms = 0)
WHERE answered > 0;

-- Per queue: service level, abandonment rate and average speed of answer; T and the short-abandon
-- cut-off are the caller's.
CREATE OR REPLACE VIEW queue_service_summary AS
SELECT queue AS queue_id, answered, answered_within, abandoned, short_abandons, service_level, abandonment_rate,
       average_speed_of_answer_ms
FROM report_queue_waits(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                        tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                        channel = '', reason = '', answer_within_ms = {answer_within_ms:UInt64},
                        short_abandon_ms = {short_abandon_ms:UInt64});

CREATE OR REPLACE VIEW first_response_summary AS
SELECT queue AS queue_id, n AS responses, median_ms, p90_ms, p99_ms, mean_ms
FROM report_first_responses(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                            tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                            channel = '', reason = '');

CREATE OR REPLACE VIEW reply_time_summary AS
SELECT queue AS queue_id, n AS replies, median_ms, p90_ms, p99_ms, mean_ms
FROM report_reply_times(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                        tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                        channel = '', reason = '');

CREATE OR REPLACE VIEW resolution_time_summary AS
SELECT queue AS queue_id, n AS resolutions, median_ms, p90_ms, p99_ms, mean_ms
FROM report_resolution_times(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                             tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                             channel = '', reason = '');

-- Per queue: volume and the counts behind the reopen rate.
CREATE OR REPLACE VIEW conversation_volume AS
SELECT queue AS queue_id, opened, messages_in, messages_out_agent, messages_out_bot, abandoned, reopens, resolutions,
       reopen_rate, surveys_offered
FROM report_activity(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                     tz = 'UTC', bucket = 'period', by_agent = false, by_queue = true, queue = '', agent = '',
                     channel = '', reason = '');

-- Per agent ('' for steps of no agent).
CREATE OR REPLACE VIEW handle_time_summary AS
SELECT agent AS agent_id, n AS episodes, resolved, median_ms, p90_ms, p99_ms, mean_ms
FROM report_handle_times(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                         tz = 'UTC', bucket = 'period', by_agent = true, queue = '', agent = '', channel = '', reason = '');

CREATE OR REPLACE VIEW csat_summary AS
SELECT agent AS agent_id, ratings, satisfied, negative, csat, average_rating, negative_rate
FROM report_csat(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                 tz = 'UTC', bucket = 'period', by_agent = true, queue = '', agent = '', channel = '', reason = '');

-- Agents offered a survey in the period.
CREATE OR REPLACE VIEW survey_response_summary AS
SELECT agent AS agent_id, surveys_offered, ratings, response_rate
FROM report_survey_responses(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                             tz = 'UTC', bucket = 'period', by_agent = true, queue = '', agent = '', channel = '', reason = '')
WHERE surveys_offered > 0;

CREATE OR REPLACE VIEW agent_activity_summary AS
SELECT agent AS agent_id, handled AS conversations_handled, resolutions, messages_out_agent AS messages, transfers_away
FROM report_activity(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                     tz = 'UTC', bucket = 'period', by_agent = true, by_queue = false, queue = '', agent = '',
                     channel = '', reason = '')
WHERE agent != '';

CREATE OR REPLACE VIEW agent_first_response_summary AS
SELECT agent AS agent_id, n AS responses, median_ms, p90_ms, mean_ms
FROM report_first_responses(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                            tz = 'UTC', bucket = 'period', by_agent = true, by_queue = false, queue = '', agent = '',
                            channel = '', reason = '');

CREATE OR REPLACE VIEW agent_reply_time_summary AS
SELECT agent AS agent_id, n AS replies, median_ms, p90_ms, mean_ms
FROM report_reply_times(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                        tz = 'UTC', bucket = 'period', by_agent = true, by_queue = false, queue = '', agent = '',
                        channel = '', reason = '');

-- The series the Supervisor dashboard's time series panels read: a summary's figures per bucket of
-- interval_s seconds (Grafana's interval), which the report views' minute/hour/day/week buckets
-- cannot cut. Same FINAL, same filter on the time of the completing event, same arithmetic as the
-- report view named: the buckets of a period add up to its summary. Quantiles are the single-level
-- quantileExactInclusive, the same values as the report views' quantilesExactInclusive.

-- report_queue_waits' wait distribution of the answered per bucket.
CREATE OR REPLACE VIEW queue_wait_series AS
SELECT
    toStartOfInterval(ended_at, toIntervalSecond({interval_s:UInt32})) AS bucket,
    queue_id,
    count()                                  AS answered,
    quantileExactInclusive(0.5)(wait_ms)     AS median_ms,
    quantileExactInclusive(0.9)(wait_ms)     AS p90_ms,
    quantileExactInclusive(0.99)(wait_ms)    AS p99_ms,
    avg(wait_ms)                             AS mean_ms
FROM queue_waits FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND outcome = 'answered'
GROUP BY bucket, queue_id;

-- report_first_responses per bucket.
CREATE OR REPLACE VIEW first_response_series AS
SELECT
    toStartOfInterval(responded_at, toIntervalSecond({interval_s:UInt32})) AS bucket,
    queue_id,
    count()                                  AS responses,
    quantileExactInclusive(0.5)(frt_ms)      AS median_ms,
    quantileExactInclusive(0.9)(frt_ms)      AS p90_ms,
    quantileExactInclusive(0.99)(frt_ms)     AS p99_ms,
    avg(frt_ms)                              AS mean_ms
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
GROUP BY bucket, queue_id;

-- report_queue_waits' service level, abandonment rate and speed of answer per bucket.
CREATE OR REPLACE VIEW queue_service_series AS
SELECT
    toStartOfInterval(ended_at, toIntervalSecond({interval_s:UInt32}))    AS bucket,
    queue_id,
    countIf(outcome = 'answered')                                          AS answered,
    countIf(outcome = 'answered' AND wait_ms <= {answer_within_ms:UInt64}) AS answered_within,
    countIf(outcome = 'abandoned' AND wait_ms >= {short_abandon_ms:UInt64}) AS abandoned,
    countIf(outcome = 'abandoned' AND wait_ms < {short_abandon_ms:UInt64})  AS short_abandons,
    if(answered + abandoned = 0, NULL, answered_within / (answered + abandoned)) AS service_level,
    if(answered + abandoned = 0, NULL, abandoned / (answered + abandoned))       AS abandonment_rate,
    if(answered = 0, NULL, avgIf(wait_ms, outcome = 'answered'))           AS average_speed_of_answer_ms
FROM queue_waits FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
GROUP BY bucket, queue_id;

-- report_activity's arrivals (opened), messages, abandons, reopens and resolutions per bucket.
CREATE OR REPLACE VIEW conversation_volume_series AS
SELECT
    toStartOfInterval(at, toIntervalSecond({interval_s:UInt32}))  AS bucket,
    queue_id,
    countIf(kind = 'opened')                                      AS opened,
    countIf(kind = 'customer_message')                            AS messages_in,
    countIf(kind = 'agent_message')                               AS messages_out_agent,
    countIf(kind = 'bot_message')                                 AS messages_out_bot,
    countIf(kind = 'abandoned')                                   AS abandoned,
    countIf(kind = 'reopened')                                    AS reopens,
    countIf(kind = 'resolved')                                    AS resolutions,
    if(resolutions = 0, NULL, reopens / resolutions)              AS reopen_rate,
    countIf(kind = 'survey_offered')                              AS surveys_offered
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
GROUP BY bucket, queue_id;

-- Countable conversation steps (conversation_activity) the stream job wrote per bucket and
-- tenant, by event time: the pipeline's throughput.
CREATE OR REPLACE VIEW activity_rate_series AS
SELECT
    toStartOfInterval(at, toIntervalSecond({interval_s:UInt32})) AS bucket,
    tenant_id,
    count()                                                      AS events,
    events / {interval_s:UInt32}                                 AS events_per_second
FROM conversation_activity FINAL
WHERE at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
GROUP BY bucket, tenant_id;

-- Freshness per tenant: the event time of the newest step in ClickHouse and how far it is behind
-- now. Grows while nothing arrives, whether traffic stopped or the pipeline did.
CREATE OR REPLACE VIEW pipeline_freshness AS
SELECT
    tenant_id,
    max(at)                                                       AS newest_event_at,
    greatest(dateDiff('millisecond', max(at), now64(3)), 0)       AS lag_ms
FROM conversation_activity
GROUP BY tenant_id;

-- The latest live state of a tenant's queues, with the forecast.
CREATE OR REPLACE VIEW queue_live_now AS
SELECT tenant_id, queue_id, as_of, queue_length, oldest_wait_ms, oldest_queued_at,
       agents_online, agents_available, agents_busy,
       arrivals_per_hour, handle_time_s, handle_times, patience_s, slots, forecast_model, forecast_unbounded,
       wait_probability, forecast_asa_s, forecast_service_level, service_level_target, service_level_time_s,
       wait_over_threshold_probability, agents_needed, oldest_answer_expected_at
FROM queue_live_state FINAL
WHERE tenant_id = {tenant:String};

-- Per queue and 15 minutes (UTC) of [from, to) that has a forecast: the forecast for a customer
-- arriving in those minutes (the mean of its minutes' forecasts) against the customers who entered
-- the queue in them (queued_at), with metrics.md's definitions and the forecast's own T:
--   forecast_asa_s          mean of the minutes' expected speed of answer; NULL if any minute said
--                           the queue grows without bound (unbounded_minutes > 0)
--   forecast_service_level  mean of the minutes' service level at T
--   actual_asa_s            mean wait of those answered; NULL when none was
--   actual_service_level    answered within T / (answered + abandoned, short abandons excluded)
-- A customer still waiting is not counted until its wait ends; an interval's actual figures can
-- still change while its customers wait.
CREATE OR REPLACE VIEW forecast_accuracy AS
SELECT
    f.queue_id                                                                            AS queue_id,
    f.interval_start                                                                      AS interval_start,
    any(f.minutes)                                                                        AS forecast_minutes,
    any(f.unbounded_minutes)                                                              AS unbounded_minutes,
    any(f.forecast_asa_s)                                                                 AS forecast_asa_s,
    any(f.forecast_service_level)                                                         AS forecast_service_level,
    any(f.service_level_time_s)                                                           AS service_level_time_s,
    countIf(w.matched AND w.outcome = 'answered')                                         AS answered,
    countIf(w.matched AND w.outcome = 'answered' AND w.wait_ms <= f.service_level_time_s * 1000) AS answered_within,
    countIf(w.matched AND w.outcome = 'abandoned' AND w.wait_ms >= {short_abandon_ms:UInt64}) AS abandoned,
    if(answered = 0, NULL, avgIf(w.wait_ms, w.matched AND w.outcome = 'answered') / 1000)  AS actual_asa_s,
    if(answered + abandoned = 0, NULL, answered_within / (answered + abandoned))          AS actual_service_level
FROM (
    SELECT queue_id,
           toStartOfInterval(minute, INTERVAL 15 MINUTE)             AS interval_start,
           count()                                                   AS minutes,
           countIf(forecast_unbounded)                               AS unbounded_minutes,
           if(unbounded_minutes > 0, NULL, avg(forecast_asa_s))      AS forecast_asa_s,
           avg(forecast_service_level)                               AS forecast_service_level,
           max(service_level_time_s)                                 AS service_level_time_s
    FROM queue_forecast_minutes FINAL
    WHERE tenant_id = {tenant:String}
      AND minute >= {from:DateTime64(3, 'UTC')} AND minute < {to:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})
    GROUP BY queue_id, interval_start) AS f
LEFT JOIN (
    SELECT queue_id, toStartOfInterval(toDateTime(queued_at, 'UTC'), INTERVAL 15 MINUTE) AS interval_start, outcome, wait_ms,
           true AS matched
    FROM queue_waits FINAL
    WHERE tenant_id = {tenant:String}
      AND queued_at >= {from:DateTime64(3, 'UTC')} AND queued_at < {to:DateTime64(3, 'UTC')}
      AND ended_at >= {from:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})) AS w
    ON w.queue_id = f.queue_id AND w.interval_start = f.interval_start
GROUP BY f.queue_id, f.interval_start;

-- The forecast's error over the intervals of forecast_accuracy, per queue (forecast minus actual):
--   asa_intervals, asa_mae_s, asa_bias_s  over the intervals with a bounded forecast ASA and an answered customer
--   sl_intervals, sl_mae, sl_bias         over the intervals with an answered or abandoned customer
-- Every interval weighs the same, however many customers it had.
CREATE OR REPLACE VIEW forecast_accuracy_summary AS
SELECT
    queue_id,
    count()                                                                              AS intervals,
    countIf(unbounded_minutes > 0)                                                       AS unbounded_intervals,
    countIf(forecast_asa_s IS NOT NULL AND actual_asa_s IS NOT NULL)                     AS asa_intervals,
    avgIf(abs(forecast_asa_s - actual_asa_s), forecast_asa_s IS NOT NULL AND actual_asa_s IS NOT NULL) AS asa_mae_s,
    avgIf(forecast_asa_s - actual_asa_s, forecast_asa_s IS NOT NULL AND actual_asa_s IS NOT NULL)      AS asa_bias_s,
    countIf(actual_service_level IS NOT NULL)                                            AS sl_intervals,
    avgIf(abs(forecast_service_level - actual_service_level), actual_service_level IS NOT NULL) AS sl_mae,
    avgIf(forecast_service_level - actual_service_level, actual_service_level IS NOT NULL)      AS sl_bias
FROM forecast_accuracy(tenant = {tenant:String}, from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                       queue = {queue:String}, short_abandon_ms = {short_abandon_ms:UInt64})
GROUP BY queue_id;

-- Counts per queue, topic and minute in [from, to); queue '' for all queues together.
CREATE OR REPLACE VIEW topic_counts_by_minute AS
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
CREATE OR REPLACE VIEW topic_heat_map AS
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
CREATE OR REPLACE VIEW topic_live_cells AS
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
CREATE OR REPLACE VIEW contact_reason_counts AS
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

-- FRT, resolution time and CSAT per contact reason (docs/kpi-topics.md): the rows of
-- report_first_responses, report_resolution_times and report_csat over the whole period [from, to)
-- (each in the period of its completing event, the same filters but the reason), grouped by their
-- conversation's contact reason; reason '' for conversations that named no topic. The same
-- arithmetic as those views. The reasons are read from the tenant's whole conversation_topics: a
-- conversation may name its first topic after its first response.
CREATE OR REPLACE VIEW report_contact_reasons AS
SELECT
    ifNull(named_reason, '') AS reason,  -- '' also when the caller's session sets join_use_nulls
    countIf(figure = 'first_response') AS frt_n,
    if(frt_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'first_response')[1]) AS frt_median_ms,
    if(frt_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'first_response')[2]) AS frt_p90_ms,
    if(frt_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'first_response')[3]) AS frt_p99_ms,
    if(frt_n = 0, NULL, avgIf(value, figure = 'first_response'))                                     AS frt_mean_ms,
    countIf(figure = 'resolution_time') AS resolution_n,
    if(resolution_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'resolution_time')[1]) AS resolution_median_ms,
    if(resolution_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'resolution_time')[2]) AS resolution_p90_ms,
    if(resolution_n = 0, NULL, quantilesExactInclusiveIf(0.5, 0.9, 0.99)(value, figure = 'resolution_time')[3]) AS resolution_p99_ms,
    if(resolution_n = 0, NULL, avgIf(value, figure = 'resolution_time'))                                      AS resolution_mean_ms,
    countIf(figure = 'csat')                                     AS ratings,
    countIf(figure = 'csat' AND value >= 4)                      AS satisfied,
    countIf(figure = 'csat' AND value <= 2)                      AS negative,
    if(ratings = 0, NULL, 100 * satisfied / ratings)             AS csat,
    if(ratings = 0, NULL, avgIf(value, figure = 'csat'))         AS average_rating,
    if(ratings = 0, NULL, negative / ratings)                    AS negative_rate
FROM
(
    SELECT conversation_id, 'first_response' AS figure, toInt64(frt_ms) AS value
    FROM first_responses FINAL
    WHERE tenant_id = {tenant:String}
      AND responded_at >= {from:DateTime64(3, 'UTC')}
      AND responded_at < {to:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})
      AND ({agent:String} = '' OR agent_id = {agent:String})
      AND ({channel:String} = '' OR conversation_id IN (
            SELECT conversation_id FROM conversation_channels
            WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
    UNION ALL
    SELECT conversation_id, 'resolution_time' AS figure, toInt64(resolution_ms) AS value
    FROM resolutions FINAL
    WHERE tenant_id = {tenant:String}
      AND resolved_at >= {from:DateTime64(3, 'UTC')}
      AND resolved_at < {to:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})
      AND ({agent:String} = '' OR agent_id = {agent:String})
      AND ({channel:String} = '' OR conversation_id IN (
            SELECT conversation_id FROM conversation_channels
            WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
    UNION ALL
    SELECT conversation_id, 'csat' AS figure, toInt64(rating) AS value
    FROM csat_ratings FINAL
    WHERE tenant_id = {tenant:String}
      AND submitted_at >= {from:DateTime64(3, 'UTC')}
      AND submitted_at < {to:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})
      AND ({agent:String} = '' OR agent_id = {agent:String})
      AND ({channel:String} = '' OR conversation_id IN (
            SELECT conversation_id FROM conversation_channels
            WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
) AS figures
LEFT JOIN
(
    SELECT conversation_id, any(topic) AS named_reason
    FROM conversation_topics FINAL
    WHERE tenant_id = {tenant:String} AND contact_reason
    GROUP BY conversation_id
) AS reasons USING (conversation_id)
GROUP BY reason;

-- Automatic QA over a period (issue 21): the stretches that ended in [from, to), with the reports'
-- filters (V040): the queue at the end, the credited agent and the channel, each '' for all.
-- Definitions in docs/kpi-qa.md.

-- Per credited agent: the stretches scored and their mean QA score.
CREATE OR REPLACE VIEW qa_agent_scores AS
SELECT
    agent_id,
    count()    AS scored,
    avg(score) AS mean_score
FROM qa_scores FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY agent_id;

-- Per credited agent and check: the stretches it applied to and those it failed.
CREATE OR REPLACE VIEW qa_agent_check_failures AS
SELECT
    agent_id,
    check_name,
    countIf(outcome != 'not_applicable') AS applicable,
    countIf(outcome = 'fail')            AS failures
FROM qa_checks FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY agent_id, check_name;

-- Per check, all agents together.
CREATE OR REPLACE VIEW qa_check_failures AS
SELECT
    check_name,
    countIf(outcome != 'not_applicable') AS applicable,
    countIf(outcome = 'fail')            AS failures
FROM qa_checks FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
  AND ({reason:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_topics
        WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
GROUP BY check_name;

-- The drill-down from a check: the stretches that failed it, with the message that failed it and the stretch's score; newest first, then by conversation.
CREATE OR REPLACE VIEW qa_failed_conversations AS
SELECT
    c.conversation_id AS conversation_id,
    c.agent_id        AS agent_id,
    c.queue_id        AS queue_id,
    c.ended_at        AS ended_at,
    c.event_id        AS event_id,
    c.at              AS at,
    s.score           AS score
FROM
(
    SELECT conversation_id, agent_id, queue_id, ended_at, event_id, at
    FROM qa_checks FINAL
    WHERE tenant_id = {tenant:String}
      AND ended_at >= {from:DateTime64(3, 'UTC')}
      AND ended_at < {to:DateTime64(3, 'UTC')}
      AND ({queue:String} = '' OR queue_id = {queue:String})
      AND ({agent:String} = '' OR agent_id = {agent:String})
      AND ({channel:String} = '' OR conversation_id IN (
            SELECT conversation_id FROM conversation_channels
            WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
      AND ({reason:String} = '' OR conversation_id IN (
            SELECT conversation_id FROM conversation_topics
            WHERE tenant_id = {tenant:String} AND contact_reason AND topic = {reason:String}))
      AND check_name = {check:String}
      AND outcome = 'fail'
) AS c
INNER JOIN
(
    SELECT conversation_id, ended_at, score
    FROM qa_scores FINAL
    WHERE tenant_id = {tenant:String}
      AND ended_at >= {from:DateTime64(3, 'UTC')}
      AND ended_at < {to:DateTime64(3, 'UTC')}
) AS s
ON c.conversation_id = s.conversation_id AND c.ended_at = s.ended_at
ORDER BY ended_at DESC, conversation_id;
