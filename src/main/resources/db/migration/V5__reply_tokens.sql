-- Reply tokens: a random code per guardian and check-in request, or per guardian alone for mail
-- that asks nothing (a class update). Every email to a family carries its token in the Reply-To
-- (bot+TOKEN@school.nl) and in the subject; a reply is taken only when its token belongs to the
-- guardian whose address it comes from. Anything else is unverified mail for the teacher.
CREATE TABLE reply_token (
    token        TEXT    PRIMARY KEY,
    guardian_id  INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    request_id   INTEGER REFERENCES checkin_request (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX reply_token_per_request ON reply_token (guardian_id, request_id)
    WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX reply_token_per_guardian ON reply_token (guardian_id)
    WHERE request_id IS NULL;

-- Received mail: claimed (outcome 'reading') before it is read, so a mail that stops the bot is
-- quarantined after a restart instead of read again; deleted from the mailbox after
-- mail.imap.keep-days, which expunged_at records.
ALTER TABLE mail_seen ADD COLUMN expunged_at INTEGER;
CREATE INDEX mail_seen_to_expunge ON mail_seen (uid_validity, processed_at) WHERE expunged_at IS NULL;
