-- The live forecast and staffing advice of each queue (metrics.md, "Forecast and staffing";
-- issue 20, decision 20), written by QueueMonitorJob with the live state, every second per queue.
-- Rows written before this migration read no forecast (zeros and NULLs, model '').

ALTER TABLE queue_live_state
    ADD COLUMN IF NOT EXISTS arrivals_per_hour Float64 DEFAULT 0 COMMENT 'arrival rate, exponentially weighted (queue_forecast.arrival-window)',
    ADD COLUMN IF NOT EXISTS handle_time_s Float64 DEFAULT 0 COMMENT 'mean handle time the forecast used: of the last window, or the default',
    ADD COLUMN IF NOT EXISTS handle_times UInt32 DEFAULT 0 COMMENT 'handle times behind handle_time_s (under queue_forecast.min-handle-times: the default was used)',
    ADD COLUMN IF NOT EXISTS patience_s Nullable(Float64) COMMENT 'mean patience from the window''s waits and abandons; NULL: not estimated (Erlang C)',
    ADD COLUMN IF NOT EXISTS slots UInt32 DEFAULT 0 COMMENT 'chat slots online serving the queue: the sum of the agents'' capacities (decision 20)',
    ADD COLUMN IF NOT EXISTS forecast_model LowCardinality(String) DEFAULT '' COMMENT 'erlang_a or erlang_c',
    ADD COLUMN IF NOT EXISTS forecast_unbounded Bool DEFAULT false COMMENT 'at these rates the queue grows without bound',
    ADD COLUMN IF NOT EXISTS wait_probability Float64 DEFAULT 0 COMMENT 'probability that a customer arriving now waits',
    ADD COLUMN IF NOT EXISTS forecast_asa_s Nullable(Float64) COMMENT 'expected wait of the answered; NULL when unbounded',
    ADD COLUMN IF NOT EXISTS forecast_service_level Float64 DEFAULT 0 COMMENT 'forecast share answered within service_level_time_s',
    ADD COLUMN IF NOT EXISTS service_level_target Float64 DEFAULT 0 COMMENT 'the queue''s target share (queue_forecast.service-level-target)',
    ADD COLUMN IF NOT EXISTS service_level_time_s Float64 DEFAULT 0 COMMENT 'the queue''s T (queue_forecast.service-level-time)',
    ADD COLUMN IF NOT EXISTS wait_over_threshold_probability Float64 DEFAULT 0 COMMENT 'probability that a customer arriving now still waits at the queue_wait threshold',
    ADD COLUMN IF NOT EXISTS agents_needed UInt32 DEFAULT 0 COMMENT 'agents at the mean capacity to reach the service-level target',
    ADD COLUMN IF NOT EXISTS oldest_answer_expected_at Nullable(DateTime64(3, 'UTC')) COMMENT 'when the oldest waiting customer is expected to be answered at the current service rate';

ALTER TABLE queue_live_history
    ADD COLUMN IF NOT EXISTS arrivals_per_hour Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS handle_time_s Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS handle_times UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS patience_s Nullable(Float64),
    ADD COLUMN IF NOT EXISTS slots UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS forecast_model LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS forecast_unbounded Bool DEFAULT false,
    ADD COLUMN IF NOT EXISTS wait_probability Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS forecast_asa_s Nullable(Float64),
    ADD COLUMN IF NOT EXISTS forecast_service_level Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS service_level_target Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS service_level_time_s Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS wait_over_threshold_probability Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS agents_needed UInt32 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS oldest_answer_expected_at Nullable(DateTime64(3, 'UTC'));

-- The latest live state of a tenant's queues, with the forecast.
CREATE OR REPLACE VIEW queue_live_now AS
SELECT tenant_id, queue_id, as_of, queue_length, oldest_wait_ms, oldest_queued_at,
       agents_online, agents_available, agents_busy,
       arrivals_per_hour, handle_time_s, handle_times, patience_s, slots, forecast_model, forecast_unbounded,
       wait_probability, forecast_asa_s, forecast_service_level, service_level_target, service_level_time_s,
       wait_over_threshold_probability, agents_needed, oldest_answer_expected_at
FROM queue_live_state FINAL
WHERE tenant_id = {tenant:String};
