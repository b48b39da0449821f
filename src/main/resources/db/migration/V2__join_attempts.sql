-- Failed /join tries, to allow at most a few per user per hour (guessing codes is not worth it).
CREATE TABLE join_attempt (
    id               INTEGER PRIMARY KEY,
    discord_user_id  INTEGER NOT NULL,
    attempted_at     INTEGER NOT NULL
);
CREATE INDEX join_attempt_by_user ON join_attempt (discord_user_id, attempted_at);
