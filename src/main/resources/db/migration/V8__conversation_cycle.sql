-- The conversation cycle: a parent conversation planned about one child, the child's own view,
-- the teacher's private reflection afterwards, and the agreements made with who does what and when
-- to align again, each confirmed (or not) by every guardian.

-- A round about one child: the questionnaires before and after a parent conversation go to that
-- child's guardians only. Class rounds (the check-ins) keep student_id NULL.
ALTER TABLE checkin_round ADD COLUMN student_id INTEGER REFERENCES student (id) ON DELETE CASCADE;
CREATE INDEX checkin_round_by_student ON checkin_round (student_id) WHERE student_id IS NOT NULL;

-- A parent-teacher conversation about one child, on a local date (and time) in the class's zone.
CREATE TABLE parent_conversation (
    id                  INTEGER PRIMARY KEY,
    class_id            INTEGER NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    student_id          INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    planned_on          TEXT    NOT NULL,
    planned_time        TEXT,
    with_child          INTEGER NOT NULL DEFAULT 0 CHECK (with_child IN (0, 1)),
    before_round_id     INTEGER REFERENCES checkin_round (id) ON DELETE SET NULL,
    after_round_id      INTEGER REFERENCES checkin_round (id) ON DELETE SET NULL,
    planned_by_user_id  INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    held_at             INTEGER,
    cancelled_at        INTEGER
);
CREATE INDEX parent_conversation_by_student ON parent_conversation (student_id, planned_on);
CREATE INDEX parent_conversation_by_class ON parent_conversation (class_id, planned_on);

-- What the child said when the teacher asked first: what goes well, what is hard, what they need.
CREATE TABLE child_view (
    id                   INTEGER PRIMARY KEY,
    student_id           INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    conversation_id      INTEGER REFERENCES parent_conversation (id) ON DELETE SET NULL,
    text                 TEXT    NOT NULL,
    recorded_by_user_id  INTEGER NOT NULL,
    recorded_at          INTEGER NOT NULL
);
CREATE INDEX child_view_by_student ON child_view (student_id, recorded_at);

-- The teacher's own look back on a conversation: private to that teacher, never shown to others.
CREATE TABLE reflection (
    conversation_id  INTEGER NOT NULL REFERENCES parent_conversation (id) ON DELETE CASCADE,
    teacher_user_id  INTEGER NOT NULL,
    went_well        TEXT,
    differently      TEXT,
    take_along       TEXT,
    recorded_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, teacher_user_id)
);

-- Agreements get the owners a conversation names (parents, not one guardian) and a link to the
-- conversation they came from. No release wrote the old table; its rows, if any, are kept.
CREATE TABLE agreement_v8 (
    id                  INTEGER PRIMARY KEY,
    student_id          INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    conversation_id     INTEGER REFERENCES parent_conversation (id) ON DELETE SET NULL,
    text                TEXT    NOT NULL,
    owner               TEXT    NOT NULL CHECK (owner IN ('parents', 'teacher', 'child', 'together')),
    align_again_on      TEXT,
    status              TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_by_user_id  INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    done_at             INTEGER,
    reminded_at         INTEGER
);
INSERT INTO agreement_v8 (id, student_id, text, owner, align_again_on, status, created_by_user_id,
                          created_at, done_at)
SELECT id, student_id, text, CASE owner WHEN 'guardian' THEN 'parents' ELSE owner END, follow_up_on,
       status, created_by_user_id, created_at, done_at
FROM agreement;
DROP TABLE agreement;
ALTER TABLE agreement_v8 RENAME TO agreement;
CREATE INDEX agreement_by_student ON agreement (student_id, status);
CREATE INDEX agreement_to_align ON agreement (align_again_on) WHERE status = 'open' AND reminded_at IS NULL;

-- Each guardian's answer to an agreement: asked, "that's right", or "I see it differently" with
-- their own words. Personal data: the teacher's eyes only.
CREATE TABLE agreement_confirmation (
    agreement_id  INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    guardian_id   INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
    status        TEXT    NOT NULL DEFAULT 'asked' CHECK (status IN ('asked', 'confirmed', 'differs')),
    own_words     TEXT,
    asked_at      INTEGER NOT NULL,
    answered_at   INTEGER,
    PRIMARY KEY (agreement_id, guardian_id)
);
CREATE INDEX agreement_confirmation_by_guardian ON agreement_confirmation (guardian_id);
