-- The same figures as the summary views of V002, cut into buckets of interval_s seconds (by the
-- period the figure belongs to), for time series panels. Same filter, same FINAL, same
-- quantileExactInclusive: a series can be checked against the summary of the same period.

CREATE VIEW IF NOT EXISTS queue_wait_series AS
SELECT
    toStartOfInterval(ended_at, toIntervalSecond({interval_s:UInt32})) AS bucket,
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
GROUP BY bucket, queue_id;

CREATE VIEW IF NOT EXISTS first_response_series AS
SELECT
    toStartOfInterval(responded_at, toIntervalSecond({interval_s:UInt32})) AS bucket,
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
GROUP BY bucket, queue_id;
