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
