-- The business-hours twins of V040's report_first_responses, report_reply_times and
-- report_resolution_times: the same parameters, rows and output columns, and the same arithmetic,
-- over frt_business_ms, reply_business_ms and resolution_business_ms (V007) instead of the wall
-- time. metrics-api reads them for hours=business; a figure still belongs to the period of the
-- event that completes it.

-- First response times inside business hours, by the period of the response.
CREATE VIEW IF NOT EXISTS report_first_responses_business AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(responded_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(responded_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(frt_business_ms)  AS median_ms,
    quantileExactInclusive(0.9)(frt_business_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(frt_business_ms) AS p99_ms,
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

-- Reply times inside business hours, by the period of the reply; the agent is the one who replied.
CREATE VIEW IF NOT EXISTS report_reply_times_business AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(replied_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(replied_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(reply_business_ms)  AS median_ms,
    quantileExactInclusive(0.9)(reply_business_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(reply_business_ms) AS p99_ms,
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

-- Resolution times inside business hours, by the period of the resolution; the agent is the one
-- assigned at resolution.
CREATE VIEW IF NOT EXISTS report_resolution_times_business AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(resolved_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(resolved_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    count() AS n,
    quantileExactInclusive(0.5)(resolution_business_ms)  AS median_ms,
    quantileExactInclusive(0.9)(resolution_business_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(resolution_business_ms) AS p99_ms,
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
