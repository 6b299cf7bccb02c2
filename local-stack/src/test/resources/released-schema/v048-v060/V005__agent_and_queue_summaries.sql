-- Per-agent and per-queue summaries of metrics.md over the per-conversation figures. Activity also
-- records assignments and transfers, so "conversations handled" (assigned to the agent) counts.

ALTER TABLE conversation_activity MODIFY COLUMN kind Enum8('opened' = 1, 'reopened' = 2, 'resolved' = 3,
    'abandoned' = 4, 'survey_offered' = 5, 'customer_message' = 6, 'agent_message' = 7, 'bot_message' = 8,
    'assigned' = 9, 'transferred' = 10);

-- Per agent: conversations handled (assigned to them), their resolutions and messages.
CREATE VIEW IF NOT EXISTS agent_activity_summary AS
SELECT
    agent_id,
    uniqExactIf(conversation_id, kind = 'assigned')   AS conversations_handled,
    countIf(kind = 'resolved')                        AS resolutions,
    countIf(kind = 'agent_message')                   AS messages,
    countIf(kind = 'transferred')                     AS transfers_away
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
  AND agent_id != ''
GROUP BY agent_id;

CREATE VIEW IF NOT EXISTS agent_first_response_summary AS
SELECT
    agent_id,
    count()                                  AS responses,
    quantileExactInclusive(0.5)(frt_ms)      AS median_ms,
    quantileExactInclusive(0.9)(frt_ms)      AS p90_ms,
    avg(frt_ms)                              AS mean_ms
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
GROUP BY agent_id;

CREATE VIEW IF NOT EXISTS agent_reply_time_summary AS
SELECT
    agent_id,
    count()                                  AS replies,
    quantileExactInclusive(0.5)(reply_ms)    AS median_ms,
    quantileExactInclusive(0.9)(reply_ms)    AS p90_ms,
    avg(reply_ms)                            AS mean_ms
FROM reply_times FINAL
WHERE tenant_id = {tenant:String}
  AND replied_at >= {from:DateTime64(3, 'UTC')}
  AND replied_at < {to:DateTime64(3, 'UTC')}
GROUP BY agent_id;

-- Per queue: service level = answered within T / (answered + abandoned), abandonment rate =
-- abandoned / (answered + abandoned), short abandons (under short_abandon_ms) left out of both;
-- average speed of answer = mean wait of the answered. T is per queue: callers pass the queue's.
CREATE VIEW IF NOT EXISTS queue_service_summary AS
SELECT
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
GROUP BY queue_id;
