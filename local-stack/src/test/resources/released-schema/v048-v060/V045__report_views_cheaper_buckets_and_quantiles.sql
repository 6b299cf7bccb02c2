-- The report views of V040 to V044 again, with the same parameters, rows, output columns and
-- figures, computed with less work (ISSUE 6, the 30-day agent report under 1 s):
--   bucket_ms   chatpulse_bucket_ms(), nested if() instead of multiIf(): the bucket parameter is a constant, and
--               ClickHouse folds if() on a constant condition, so bucket = 'period' (the summary
--               and the agent report) groups by the agent alone instead of (a computed column,
--               agent); multiIf() is not folded. A minute, hour, day or week series groups by its
--               one expression, as before.
--   quantiles   quantilesExactInclusive(0.5, 0.9, 0.99)(x)[1..3] instead of three
--               quantileExactInclusive(level)(x): one copy of the values per group instead of three,
--               the same selection and interpolation per level (Excel's PERCENTILE.INC), so the
--               same Float64 values.
-- report_queue_waits is V041's (with by_queue). Only what the views compute changed.

-- The start of the bucket a time falls in, epoch ms, in the caller's timezone: 'minute', 'hour',
-- 'day', 'week' (from Monday), else the whole period (its start). An if() chain, not multiIf(): a
-- view's bucket parameter is a constant, and ClickHouse folds the chain away, so a whole-period
-- report groups by the agent alone (the function is inlined where it is called; checked with
-- EXPLAIN). One definition for every report view.
CREATE FUNCTION IF NOT EXISTS chatpulse_bucket_ms AS (t, bucket, tz, period_start) ->
    if(bucket = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(t), tz))) * 1000,
    if(bucket = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(t), tz))) * 1000,
    if(bucket = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(t), tz))) * 1000,
    if(bucket = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(t, tz), tz))) * 1000,
       toUnixTimestamp64Milli(period_start)))));

-- report_queue_waits: as V041
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
GROUP BY bucket_ms, agent, queue;

-- report_first_responses: as V040
CREATE OR REPLACE VIEW report_first_responses AS
SELECT
    chatpulse_bucket_ms(responded_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;

-- report_reply_times: as V040
CREATE OR REPLACE VIEW report_reply_times AS
SELECT
    chatpulse_bucket_ms(replied_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;

-- report_resolution_times: as V040
CREATE OR REPLACE VIEW report_resolution_times AS
SELECT
    chatpulse_bucket_ms(resolved_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;

-- report_handle_times: as V040
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
GROUP BY bucket_ms, agent;

-- report_csat: as V040
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
GROUP BY bucket_ms, agent;

-- report_activity: as V040
CREATE OR REPLACE VIEW report_activity AS
SELECT
    chatpulse_bucket_ms(at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
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

-- report_survey_responses: as V040
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
GROUP BY bucket_ms, agent
) AS rated USING (bucket_ms, agent);

-- report_agent_time: as V042
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

-- report_agent_activity: as V043
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
GROUP BY bucket_ms, agent;

-- report_first_responses_business: as V044
CREATE OR REPLACE VIEW report_first_responses_business AS
SELECT
    chatpulse_bucket_ms(responded_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;

-- report_reply_times_business: as V044
CREATE OR REPLACE VIEW report_reply_times_business AS
SELECT
    chatpulse_bucket_ms(replied_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;

-- report_resolution_times_business: as V044
CREATE OR REPLACE VIEW report_resolution_times_business AS
SELECT
    chatpulse_bucket_ms(resolved_at, {bucket:String}, {tz:String}, {from:DateTime64(3, 'UTC')}) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
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
GROUP BY bucket_ms, agent;
