-- The forecast beside what happened (issue 20, metrics.md "Forecast and staffing": "a forecast is
-- stored every minute beside what then happened, so its error can be reported"; decision 29).
-- queue_live_history keeps a day of rows (every second live, on every change in a replay); its last
-- forecast of each minute is kept here as long as the KPI tables keep their rows.

CREATE TABLE IF NOT EXISTS queue_forecast_minutes
(
    tenant_id              LowCardinality(String),
    queue_id               LowCardinality(String),
    minute                 DateTime('UTC'),
    as_of                  DateTime64(3, 'UTC') COMMENT 'the row of queue_live_history kept: the minute''s last',
    forecast_model         LowCardinality(String),
    forecast_unbounded     Bool,
    forecast_asa_s         Nullable(Float64) COMMENT 'NULL when unbounded',
    forecast_service_level Float64,
    service_level_time_s   Float64
)
ENGINE = ReplacingMergeTree(as_of)
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, queue_id, minute);

-- Every row of the monitor goes in; the ReplacingMergeTree keeps the latest of a minute (readers use
-- FINAL), so a replayed row written twice counts once.
CREATE MATERIALIZED VIEW IF NOT EXISTS queue_forecast_minutes_mv TO queue_forecast_minutes AS
SELECT tenant_id, queue_id, toStartOfMinute(as_of) AS minute, as_of, forecast_model, forecast_unbounded,
       forecast_asa_s, forecast_service_level, service_level_time_s
FROM queue_live_history
WHERE forecast_model != '';

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
CREATE VIEW IF NOT EXISTS forecast_accuracy AS
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
CREATE VIEW IF NOT EXISTS forecast_accuracy_summary AS
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
