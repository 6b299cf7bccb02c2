-- Activity also records assignments and transfers, so "conversations handled" (assigned to the
-- agent) counts. (The per-agent and per-queue summaries first defined here are in R__views.sql.)

ALTER TABLE conversation_activity MODIFY COLUMN kind Enum8('opened' = 1, 'reopened' = 2, 'resolved' = 3,
    'abandoned' = 4, 'survey_offered' = 5, 'customer_message' = 6, 'agent_message' = 7, 'bot_message' = 8,
    'assigned' = 9, 'transferred' = 10);
