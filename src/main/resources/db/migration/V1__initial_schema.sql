-- ClassBridge schema, version 1.
-- Instants are INTEGER milliseconds since the epoch (UTC); local dates and times are ISO text.
-- Discord snowflakes are INTEGER. Never edit a migration that has run: add V2__... instead.

-- A class on Discord: one channel in one guild, its language and time zone.
CREATE TABLE school_class (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL,
    guild_id         INTEGER NOT NULL,
    channel_id       INTEGER NOT NULL UNIQUE,
    language         TEXT    NOT NULL,
    timezone         TEXT    NOT NULL,
    teacher_user_id  INTEGER NOT NULL,
    created_at       INTEGER NOT NULL
);

-- First names or nicknames only.
CREATE TABLE student (
    id          INTEGER PRIMARY KEY,
    class_id    INTEGER NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (class_id, name COLLATE NOCASE)
);

-- A parent or carer, reached on Discord, by email, or both (the communication plan).
CREATE TABLE guardian (
    id                 INTEGER PRIMARY KEY,
    discord_user_id    INTEGER UNIQUE,
    email              TEXT,
    language           TEXT,
    preferred_channel  TEXT    NOT NULL DEFAULT 'discord'
                       CHECK (preferred_channel IN ('discord', 'email', 'both')),
    contact_times      TEXT,
    quiet_start        TEXT,
    quiet_end          TEXT,
    discord_status     TEXT    NOT NULL DEFAULT 'ok' CHECK (discord_status IN ('ok', 'unreachable')),
    email_status       TEXT    NOT NULL DEFAULT 'ok' CHECK (email_status IN ('ok', 'invalid')),
    status_reason      TEXT,
    created_at         INTEGER NOT NULL,
    CHECK (discord_user_id IS NOT NULL OR email IS NOT NULL),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- A guardian can have several children; a child several guardians.
CREATE TABLE guardian_student (
    guardian_id  INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    linked_at    INTEGER NOT NULL,
    PRIMARY KEY (guardian_id, student_id)
);
CREATE INDEX guardian_student_by_student ON guardian_student (student_id);

-- One-time invite codes. Only a hash of the code is kept.
CREATE TABLE invite_code (
    id                  INTEGER PRIMARY KEY,
    student_id          INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    code_hash           TEXT    NOT NULL UNIQUE,
    created_by_user_id  INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    used_at             INTEGER,
    used_by_guardian_id INTEGER REFERENCES guardian (id) ON DELETE SET NULL
);

-- What went well this week, jotted down by the teacher for the next class update.
CREATE TABLE highlight (
    id               INTEGER PRIMARY KEY,
    class_id         INTEGER NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL
                     CHECK (kind IN ('learning', 'social-emotional', 'together', 'celebration')),
    text             TEXT    NOT NULL,
    author_user_id   INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    used_at          INTEGER
);
CREATE INDEX highlight_queued ON highlight (class_id, used_at);

-- The rhythm of class updates, with the next run stored so a restart neither skips nor repeats.
CREATE TABLE update_schedule (
    class_id      INTEGER PRIMARY KEY REFERENCES school_class (id) ON DELETE CASCADE,
    day_of_week   INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    local_time    TEXT    NOT NULL,
    every_weeks   INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks IN (1, 2)),
    paused_until  TEXT,
    pause_reason  TEXT,
    next_run_at   INTEGER NOT NULL,
    last_run_at   INTEGER
);

-- Each version of a questionnaire that was ever asked, as it was asked.
CREATE TABLE questionnaire_version (
    id            INTEGER PRIMARY KEY,
    questionnaire TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    content_hash  TEXT    NOT NULL,
    definition    TEXT    NOT NULL,
    loaded_at     INTEGER NOT NULL,
    UNIQUE (questionnaire, version),
    UNIQUE (questionnaire, content_hash)
);

-- A check-in the teacher starts for the whole class.
CREATE TABLE checkin_round (
    id                        INTEGER PRIMARY KEY,
    class_id                  INTEGER NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    questionnaire_version_id  INTEGER NOT NULL REFERENCES questionnaire_version (id),
    token                     TEXT    NOT NULL UNIQUE,
    started_by_user_id        INTEGER NOT NULL,
    started_at                INTEGER NOT NULL,
    deadline_at               INTEGER NOT NULL,
    reminded_at               INTEGER,
    closed_at                 INTEGER
);
CREATE INDEX checkin_round_by_class ON checkin_round (class_id, closed_at);

-- One guardian asked about one child in one round: the conversation's state.
CREATE TABLE checkin_request (
    id            INTEGER PRIMARY KEY,
    round_id      INTEGER NOT NULL REFERENCES checkin_round (id) ON DELETE CASCADE,
    guardian_id   INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    student_id    INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    channel       TEXT    NOT NULL CHECK (channel IN ('discord', 'email')),
    status        TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'in-progress', 'answered', 'unreachable')),
    position      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    completed_at  INTEGER,
    UNIQUE (round_id, guardian_id, student_id)
);
CREATE INDEX checkin_request_by_guardian ON checkin_request (guardian_id, status);

-- Each question put to a guardian, and where (a Discord message id or an email Message-ID).
CREATE TABLE question_sent (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES checkin_request (id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    sent_at      INTEGER NOT NULL,
    message_ref  TEXT
);
CREATE INDEX question_sent_by_request ON question_sent (request_id);

-- Answers: personal data, for the teacher's eyes only. A changed answer replaces the old one.
CREATE TABLE answer (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES checkin_request (id) ON DELETE CASCADE,
    question_id  TEXT    NOT NULL,
    value        TEXT,
    skipped      INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    source       TEXT    NOT NULL
                 CHECK (source IN ('discord-button', 'discord-select', 'discord-modal', 'discord-text', 'email')),
    answered_at  INTEGER NOT NULL,
    UNIQUE (request_id, question_id),
    CHECK (skipped = 1 OR value IS NOT NULL)
);

-- The outbox: every outgoing message is a row here before it is sent, and is sent once.
CREATE TABLE delivery (
    id               INTEGER PRIMARY KEY,
    dedupe_key       TEXT    NOT NULL UNIQUE,
    class_id         INTEGER REFERENCES school_class (id) ON DELETE CASCADE,
    guardian_id      INTEGER REFERENCES guardian (id) ON DELETE CASCADE,
    channel          TEXT    NOT NULL CHECK (channel IN ('discord-dm', 'discord-channel', 'email')),
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'handed-off', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    external_id      TEXT,
    handed_off_to    INTEGER REFERENCES delivery (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX delivery_by_guardian ON delivery (guardian_id);

-- What teacher and family agreed after a conversation, and when to align again.
CREATE TABLE agreement (
    id               INTEGER PRIMARY KEY,
    student_id       INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id      INTEGER REFERENCES guardian (id) ON DELETE SET NULL,
    text             TEXT    NOT NULL,
    owner            TEXT    NOT NULL CHECK (owner IN ('teacher', 'guardian', 'together', 'child')),
    follow_up_on     TEXT,
    status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_by_user_id INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    done_at          INTEGER
);
CREATE INDEX agreement_by_student ON agreement (student_id, status);

-- What teachers did, for accountability. Never personal data: ids and action names only.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    actor_user_id  INTEGER NOT NULL,
    class_id       INTEGER REFERENCES school_class (id) ON DELETE SET NULL,
    action         TEXT    NOT NULL,
    detail         TEXT
);
CREATE INDEX audit_log_by_class ON audit_log (class_id, at);
