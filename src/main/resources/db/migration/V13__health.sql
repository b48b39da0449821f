-- For `classbridge status` and the health endpoint (issue 14).

-- When a message failed on its channel (given up, or handed to another channel): "failed in the
-- last 24 hours" counts by this. Rows that failed before this release have none and are not counted.
ALTER TABLE delivery ADD COLUMN failed_at INTEGER;
CREATE INDEX delivery_failed ON delivery (failed_at) WHERE failed_at IS NOT NULL;

-- What the running bot last said about itself, written every 15 seconds: `classbridge status` runs
-- in another process and reads it here. One row; no personal data (states, times, job names).
CREATE TABLE bot_heartbeat (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    written_at          INTEGER NOT NULL,
    started_at          INTEGER NOT NULL,
    -- 'off': no Discord token (nothing to connect to)
    discord             TEXT    NOT NULL CHECK (discord IN ('off', 'connected', 'disconnected')),
    discord_latency_ms  INTEGER,
    -- NULL: mail.imap is not configured
    mail_poll_seconds   INTEGER,
    mail_read_at        INTEGER,
    smtp                INTEGER NOT NULL CHECK (smtp IN (0, 1)),
    -- one "job=epoch-millis" line per scheduled job
    next_runs           TEXT    NOT NULL
);
