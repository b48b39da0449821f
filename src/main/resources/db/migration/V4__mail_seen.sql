-- Email replies already processed, by the IMAP folder's UIDVALIDITY and the message's UID:
-- each mail is handled exactly once, across restarts.
CREATE TABLE mail_seen (
    uid_validity  INTEGER NOT NULL,
    uid           INTEGER NOT NULL,
    outcome       TEXT    NOT NULL,
    processed_at  INTEGER NOT NULL,
    PRIMARY KEY (uid_validity, uid)
);
