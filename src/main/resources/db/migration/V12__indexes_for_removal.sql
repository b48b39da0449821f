-- Indexes on the columns that point at rows which retention, /forget-me and /class archive remove.
-- Without one, SQLite checks each removed row's references by scanning the whole pointing table:
-- the daily job that removed a year of deliveries took 10.6 s in one write transaction, almost all
-- of it in delivery.handed_off_to (see docs/performance.md, "Privacy and retention").
CREATE INDEX delivery_by_handed_off_to ON delivery (handed_off_to);
CREATE INDEX reply_token_by_request ON reply_token (request_id);
CREATE INDEX reply_token_by_agreement ON reply_token (agreement_id);
CREATE INDEX checkin_request_by_student ON checkin_request (student_id);
CREATE INDEX invite_code_by_student ON invite_code (student_id);
CREATE INDEX parent_conversation_by_before_round ON parent_conversation (before_round_id);
CREATE INDEX parent_conversation_by_after_round ON parent_conversation (after_round_id);
CREATE INDEX agreement_by_conversation ON agreement (conversation_id);
CREATE INDEX child_view_by_conversation ON child_view (conversation_id);
