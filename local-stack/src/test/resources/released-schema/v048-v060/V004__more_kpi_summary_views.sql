-- The one definition of each summary of the V003 figures (metrics.md), as V002 does for queue
-- waits and first responses: parameterized by tenant and period [from, to), a figure counted in
-- the period of the event that completes it, quantiles exact and interpolated, counts next to
-- every rate.

CREATE VIEW IF NOT EXISTS reply_time_summary AS
SELECT
    queue_id,
    count()                                  AS replies,
    quantileExactInclusive(0.5)(reply_ms)    AS median_ms,
    quantileExactInclusive(0.9)(reply_ms)    AS p90_ms,
    quantileExactInclusive(0.99)(reply_ms)   AS p99_ms,
    avg(reply_ms)                            AS mean_ms
FROM reply_times FINAL
WHERE tenant_id = {tenant:String}
  AND replied_at >= {from:DateTime64(3, 'UTC')}
  AND replied_at < {to:DateTime64(3, 'UTC')}
GROUP BY queue_id;

CREATE VIEW IF NOT EXISTS resolution_time_summary AS
SELECT
    queue_id,
    count()                                     AS resolutions,
    quantileExactInclusive(0.5)(resolution_ms)  AS median_ms,
    quantileExactInclusive(0.9)(resolution_ms)  AS p90_ms,
    quantileExactInclusive(0.99)(resolution_ms) AS p99_ms,
    avg(resolution_ms)                          AS mean_ms
FROM resolutions FINAL
WHERE tenant_id = {tenant:String}
  AND resolved_at >= {from:DateTime64(3, 'UTC')}
  AND resolved_at < {to:DateTime64(3, 'UTC')}
GROUP BY queue_id;

CREATE VIEW IF NOT EXISTS handle_time_summary AS
SELECT
    agent_id,
    count()                                  AS episodes,
    countIf(ending = 'resolved')             AS resolved,
    quantileExactInclusive(0.5)(handle_ms)   AS median_ms,
    quantileExactInclusive(0.9)(handle_ms)   AS p90_ms,
    quantileExactInclusive(0.99)(handle_ms)  AS p99_ms,
    avg(handle_ms)                           AS mean_ms
FROM handle_times FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
GROUP BY agent_id;

-- CSAT = ratings of 4 or 5 / all ratings x 100, credited to the agent assigned at resolution
-- (agent_id empty: resolved by a bot).
CREATE VIEW IF NOT EXISTS csat_summary AS
SELECT
    agent_id,
    count()                                  AS ratings,
    countIf(rating >= 4)                     AS satisfied,
    countIf(rating <= 2)                     AS negative,
    100 * satisfied / ratings                AS csat,
    avg(rating)                              AS average_rating,
    negative / ratings                       AS negative_rate
FROM csat_ratings FINAL
WHERE tenant_id = {tenant:String}
  AND submitted_at >= {from:DateTime64(3, 'UTC')}
  AND submitted_at < {to:DateTime64(3, 'UTC')}
GROUP BY agent_id;

-- Volume and the counts behind the reopen rate (reopens / resolutions) per queue.
CREATE VIEW IF NOT EXISTS conversation_volume AS
SELECT
    queue_id,
    countIf(kind = 'opened')                                  AS opened,
    countIf(kind = 'customer_message')                        AS messages_in,
    countIf(kind = 'agent_message')                           AS messages_out_agent,
    countIf(kind = 'bot_message')                             AS messages_out_bot,
    countIf(kind = 'abandoned')                               AS abandoned,
    countIf(kind = 'reopened')                                AS reopens,
    countIf(kind = 'resolved')                                AS resolutions,
    if(resolutions = 0, NULL, reopens / resolutions)          AS reopen_rate,
    countIf(kind = 'survey_offered')                          AS surveys_offered
FROM conversation_activity FINAL
WHERE tenant_id = {tenant:String}
  AND at >= {from:DateTime64(3, 'UTC')}
  AND at < {to:DateTime64(3, 'UTC')}
GROUP BY queue_id;

-- Survey response rate = ratings / surveys offered, per credited agent.
CREATE VIEW IF NOT EXISTS survey_response_summary AS
SELECT
    offered.agent_id                                          AS agent_id,
    offered.surveys                                           AS surveys_offered,
    ifNull(rated.ratings, 0)                                  AS ratings,
    ratings / surveys_offered                                 AS response_rate
FROM
(
    SELECT agent_id, count() AS surveys
    FROM conversation_activity FINAL
    WHERE tenant_id = {tenant:String}
      AND kind = 'survey_offered'
      AND at >= {from:DateTime64(3, 'UTC')}
      AND at < {to:DateTime64(3, 'UTC')}
    GROUP BY agent_id
) AS offered
LEFT JOIN
(
    SELECT agent_id, count() AS ratings
    FROM csat_ratings FINAL
    WHERE tenant_id = {tenant:String}
      AND submitted_at >= {from:DateTime64(3, 'UTC')}
      AND submitted_at < {to:DateTime64(3, 'UTC')}
    GROUP BY agent_id
) AS rated ON rated.agent_id = offered.agent_id;
