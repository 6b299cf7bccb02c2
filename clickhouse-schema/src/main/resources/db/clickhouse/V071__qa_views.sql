-- Automatic QA over a period (issue 21): the stretches that ended in [from, to), with the reports'
-- filters (V040): the queue at the end, the credited agent and the channel, each '' for all.
-- Definitions in docs/kpi-qa.md.

-- Per credited agent: the stretches scored and their mean QA score.
CREATE VIEW IF NOT EXISTS qa_agent_scores AS
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
GROUP BY agent_id;

-- Per credited agent and check: the stretches it applied to and those it failed.
CREATE VIEW IF NOT EXISTS qa_agent_check_failures AS
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
GROUP BY agent_id, check_name;

-- Per check, all agents together.
CREATE VIEW IF NOT EXISTS qa_check_failures AS
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
GROUP BY check_name;

-- The drill-down from a check: the stretches that failed it, with the message that failed it and the stretch's score; newest first, then by conversation.
CREATE VIEW IF NOT EXISTS qa_failed_conversations AS
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
