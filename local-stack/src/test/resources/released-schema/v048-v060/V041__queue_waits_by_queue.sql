-- The live endpoint asks for today's service level of every queue of a tenant at once: one
-- query instead of one a queue. report_queue_waits of V040 with one more parameter,
--   by_queue   true: one row per queue as well (column queue), false: queue = ''
-- and otherwise the same arithmetic.

CREATE OR REPLACE VIEW report_queue_waits AS
SELECT
    multiIf({bucket:String} = 'minute', toInt64(toUnixTimestamp(toStartOfMinute(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'hour',   toInt64(toUnixTimestamp(toStartOfHour(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'day',    toInt64(toUnixTimestamp(toStartOfDay(toDateTime(ended_at), {tz:String}))) * 1000,
            {bucket:String} = 'week',   toInt64(toUnixTimestamp(toDateTime(toMonday(ended_at, {tz:String}), {tz:String}))) * 1000,
            toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS bucket_ms,
    if({by_agent:Bool}, agent_id, '') AS agent,
    if({by_queue:Bool}, queue_id, '') AS queue,
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
GROUP BY bucket_ms, agent, queue;
