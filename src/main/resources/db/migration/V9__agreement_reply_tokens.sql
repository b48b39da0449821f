-- Reply tokens for agreements: an email that asks a guardian to confirm an agreement carries a token
-- of its own, so a verified reply finds its way back to that agreement and nothing else. The
-- guardian's own token (for mail that asks nothing) stays one per guardian.
ALTER TABLE reply_token ADD COLUMN agreement_id INTEGER REFERENCES agreement (id) ON DELETE CASCADE;
DROP INDEX reply_token_per_guardian;
CREATE UNIQUE INDEX reply_token_per_guardian ON reply_token (guardian_id)
    WHERE request_id IS NULL AND agreement_id IS NULL;
CREATE UNIQUE INDEX reply_token_per_agreement ON reply_token (guardian_id, agreement_id)
    WHERE agreement_id IS NOT NULL;
