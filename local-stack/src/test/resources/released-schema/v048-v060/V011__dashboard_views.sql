-- Views the Grafana dashboards read (dashboards/grafana/*.json) beside V002-V005, V010 and the
-- report views. The per-queue series cut a summary of V004/V005 into buckets of interval_s
-- seconds with the same definition (same FINAL, same filter on the time of the completing event,
-- same arithmetic), so the buckets of a period add up to the summary of that period. The last two
-- describe the pipeline itself. Parameters as everywhere: tenant, [from, to).

-- queue_service_summary (V005) per bucket: service level, abandonment rate, speed of answer.
CREATE VIEW IF NOT EXISTS queue_service_series AS
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

-- conversation_volume (V004) per bucket: arrivals (opened), messages, reopens, resolutions.
CREATE VIEW IF NOT EXISTS conversation_volume_series AS
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
CREATE VIEW IF NOT EXISTS activity_rate_series AS
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
CREATE VIEW IF NOT EXISTS pipeline_freshness AS
SELECT
    tenant_id,
    max(at)                                                       AS newest_event_at,
    greatest(dateDiff('millisecond', max(at), now64(3)), 0)       AS lag_ms
FROM conversation_activity
GROUP BY tenant_id;
