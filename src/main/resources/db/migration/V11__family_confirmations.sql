-- A family's request that waits for its confirmation code: a new email address (the code goes to
-- the new address) or being forgotten (the code goes to the family by email). Only a hash of the
-- code is kept; a code is used once, expires, and dies after a few wrong tries.
CREATE TABLE family_confirmation (
    id            INTEGER PRIMARY KEY,
    guardian_id   INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('email-change', 'forget-me')),
    code_hash     TEXT    NOT NULL,
    new_email     TEXT,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    failed_tries  INTEGER NOT NULL DEFAULT 0,
    used_at       INTEGER,
    CHECK ((kind = 'email-change') = (new_email IS NOT NULL))
);
CREATE INDEX family_confirmation_by_guardian ON family_confirmation (guardian_id, kind);

-- Reading the audit log by time (/privacy audit) and removing old entries.
CREATE INDEX audit_log_by_time ON audit_log (at);
