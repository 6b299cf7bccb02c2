-- The one definition of each summary (metrics.md). metrics-api and every Grafana panel read
-- these parameterized views, so a number cannot differ between them for the same filter.
-- Quantiles are exact and interpolated (quantileExactInclusive, as Excel's PERCENTILE.INC).

CREATE VIEW IF NOT EXISTS queue_wait_summary AS
SELECT
    queue_id,
    count()                                  AS answered,
    quantileExactInclusive(0.5)(wait_ms)     AS median_ms,
    quantileExactInclusive(0.9)(wait_ms)     AS p90_ms,
    quantileExactInclusive(0.99)(wait_ms)    AS p99_ms,
    avg(wait_ms)                             AS mean_ms
FROM queue_waits FINAL
WHERE tenant_id = {tenant:String}
  AND ended_at >= {from:DateTime64(3, 'UTC')}
  AND ended_at < {to:DateTime64(3, 'UTC')}
  AND outcome = 'answered'
GROUP BY queue_id;

CREATE VIEW IF NOT EXISTS first_response_summary AS
SELECT
    queue_id,
    count()                                  AS responses,
    quantileExactInclusive(0.5)(frt_ms)      AS median_ms,
    quantileExactInclusive(0.9)(frt_ms)      AS p90_ms,
    quantileExactInclusive(0.99)(frt_ms)     AS p99_ms,
    avg(frt_ms)                              AS mean_ms
FROM first_responses FINAL
WHERE tenant_id = {tenant:String}
  AND responded_at >= {from:DateTime64(3, 'UTC')}
  AND responded_at < {to:DateTime64(3, 'UTC')}
GROUP BY queue_id;
