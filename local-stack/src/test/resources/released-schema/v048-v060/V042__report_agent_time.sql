-- The agent report's online time, occupancy and average concurrency (metrics.md, per agent) from
-- the minutes of agent_time_minutes (V006), with the parameters of the V040 report views:
--   tenant, from, to, tz, bucket, by_agent, agent   as in V040; a minute counts when its start is
--                                                   in [from, to)
-- Agent time belongs to an agent, not to a queue or a channel, so the view has no queue and channel
-- parameters (ClickHouse ignores the ones a caller of every report view passes): the figures are
-- the agent's whole time whatever the conversation filters.
-- Occupancy and average concurrency are NULL when the agent was not online in the bucket.
CREATE VIEW IF NOT EXISTS report_agent_time AS
SELECT
    bucket_ms,
    agent,
    online_ms,
    if(online_ms = 0, NULL, occupied_ms / online_ms)     AS occupancy,
    if(online_ms = 0, NULL, conversation_ms / online_ms) AS average_concurrency
FROM
(
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(minute, {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(minute, {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(minute, {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(minute, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
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
