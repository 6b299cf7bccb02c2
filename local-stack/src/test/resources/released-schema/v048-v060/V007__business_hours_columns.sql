-- The business-hours variants of FRT, reply time and resolution time (metrics.md, "Business
-- hours"): the same stretch as the wall-time column, counting only the time inside the weekly
-- calendar of the row's queue. stream-jobs computes them with the calendars of ALERT_RULES /
-- ALERT_RULES_FILE (the queue monitor's settings); a row of no queue, or of a queue without a
-- calendar, has the wall time. Rows written before this migration read the wall time too.

ALTER TABLE first_responses
    ADD COLUMN IF NOT EXISTS frt_business_ms UInt64 DEFAULT frt_ms
    COMMENT 'frt_ms counting only the business hours of the queue';

ALTER TABLE reply_times
    ADD COLUMN IF NOT EXISTS reply_business_ms UInt64 DEFAULT reply_ms
    COMMENT 'reply_ms counting only the business hours of the queue';

ALTER TABLE resolutions
    ADD COLUMN IF NOT EXISTS resolution_business_ms UInt64 DEFAULT resolution_ms
    COMMENT 'resolution_ms counting only the business hours of the queue';
