-- metrics-api reports (history, agent report, drill-down, exports) and the Grafana panels that
-- follow them. One view per family of figures, parameterized by:
--   tenant, from, to        the tenant and the half-open period [from, to), UTC instants
--   tz                      IANA timezone the buckets are cut in
--   bucket                  'minute' | 'hour' | 'day' | 'week' (weeks start on Monday) cut in tz,
--                           or anything else ('period'): one bucket for the whole period, the summary
--   by_agent                true: one row per agent as well (the agent report), false: agent = ''
--   queue, agent, channel   filters, '' for all
-- bucket_ms is the bucket's start, epoch ms. Summary and series are the same view with a different
-- bucket, so they agree by construction: counts add up, and a single-bucket period gives the same
-- quantiles. Arithmetic as V002/V004/V005 define it (quantileExactInclusive, counts next to rates).

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

-- Queue waits by the period the wait ended in: the wait distribution of the answered, service
-- level, abandonment rate (short abandons left out) and average speed of answer, as V005 defines them.
CREATE VIEW IF NOT EXISTS report_queue_waits AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(ended_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    countIf(outcome = 'answered') AS answered,
    if(answered = 0, NULL, quantileExactInclusiveIf(0.5)(wait_ms, outcome = 'answered'))  AS median_ms,
    if(answered = 0, NULL, quantileExactInclusiveIf(0.9)(wait_ms, outcome = 'answered'))  AS p90_ms,
    if(answered = 0, NULL, quantileExactInclusiveIf(0.99)(wait_ms, outcome = 'answered')) AS p99_ms,
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
GROUP BY bucket_ms, agent;

-- First response times by the period of the response.
CREATE VIEW IF NOT EXISTS report_first_responses AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(responded_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(frt_ms)  AS median_ms,
    quantileExactInclusive(0.9)(frt_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(frt_ms) AS p99_ms,
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
GROUP BY bucket_ms, agent;

-- Reply times by the period of the reply; the agent is the one who replied.
CREATE VIEW IF NOT EXISTS report_reply_times AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(replied_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(reply_ms)  AS median_ms,
    quantileExactInclusive(0.9)(reply_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(reply_ms) AS p99_ms,
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
GROUP BY bucket_ms, agent;

-- Resolution times by the period of the resolution; the agent is the one assigned at resolution.
CREATE VIEW IF NOT EXISTS report_resolution_times AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(resolved_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(resolution_ms)  AS median_ms,
    quantileExactInclusive(0.9)(resolution_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(resolution_ms) AS p99_ms,
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
GROUP BY bucket_ms, agent;

-- Handle times (agent episodes) by the period the episode ended.
CREATE VIEW IF NOT EXISTS report_handle_times AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(ended_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(handle_ms)  AS median_ms,
    quantileExactInclusive(0.9)(handle_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(handle_ms) AS p99_ms,
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
GROUP BY bucket_ms, agent;

-- CSAT, average rating and negative rate by the period the rating was submitted, credited to the
-- agent assigned at resolution (metrics.md).
CREATE VIEW IF NOT EXISTS report_csat AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(submitted_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
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
GROUP BY bucket_ms, agent;

-- Volume, conversations handled (distinct conversations assigned in the bucket: not additive
-- across buckets), resolutions, reopens and the reopen rate (reopens / resolutions).
CREATE VIEW IF NOT EXISTS report_activity AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    countIf(kind = 'opened')                              AS opened,
    countIf(kind = 'customer_message')                    AS messages_in,
    countIf(kind = 'agent_message')                       AS messages_out_agent,
    countIf(kind = 'bot_message')                         AS messages_out_bot,
    uniqExactIf(conversation_id, kind = 'assigned')       AS handled,
    countIf(kind = 'resolved')                            AS resolutions,
    countIf(kind = 'reopened')                            AS reopens,
    if(resolutions = 0, NULL, reopens / resolutions)      AS reopen_rate,
    countIf(kind = 'survey_offered')                      AS surveys_offered
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND ({queue:String} = '' OR queue_id = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({channel:String} = '' OR conversation_id IN (
        SELECT conversation_id FROM conversation_channels
        WHERE tenant_id = {tenant:String} AND channel = {channel:String}))
GROUP BY bucket_ms, agent;

-- Survey response rate = ratings / surveys offered, each counted in its own event's bucket.
CREATE VIEW IF NOT EXISTS report_survey_responses AS
SELECT
    bucket_ms,
    agent,
    surveys_offered,
    ratings,
    if(surveys_offered = 0, NULL, ratings / surveys_offered) AS response_rate
FROM
(
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
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
  AND kind = 'survey_offered'
GROUP BY bucket_ms, agent
) AS offered
FULL OUTER JOIN
(
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(submitted_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(submitted_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
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
GROUP BY bucket_ms, agent
) AS rated USING (bucket_ms, agent);

-- The rows behind a figure (drill-down and the conversation export), with the same filter as
-- the report views, so the rows of a period add up to the figure's count. value is milliseconds,
-- or the rating for csat; over/under are exclusive bounds on it (pass -1 and 9223372036854775807
-- for none). Ordered by the caller.
CREATE VIEW IF NOT EXISTS report_figure_rows AS
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
  AND {figure:String} = 'csat'
  AND toInt64(rating) > {over:Int64} AND toInt64(rating) < {under:Int64};
