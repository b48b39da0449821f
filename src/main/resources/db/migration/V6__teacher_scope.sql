-- Who may act for a class: the teacher who set it up (its owner) and the co-teachers the owner
-- added. Other teachers and server admins may not, unless an admin takes the class over.
CREATE TABLE class_teacher (
    class_id          INTEGER NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    user_id           INTEGER NOT NULL,
    name              TEXT    NOT NULL DEFAULT '',
    role              TEXT    NOT NULL CHECK (role IN ('owner', 'co-teacher')),
    added_by_user_id  INTEGER NOT NULL,
    added_at          INTEGER NOT NULL,
    PRIMARY KEY (class_id, user_id)
);
CREATE UNIQUE INDEX class_teacher_one_owner ON class_teacher (class_id) WHERE role = 'owner';
CREATE INDEX class_teacher_by_user ON class_teacher (user_id);

-- A class that exists already is owned by the teacher stored with it.
INSERT INTO class_teacher (class_id, user_id, name, role, added_by_user_id, added_at)
SELECT id, teacher_user_id, teacher_name, 'owner', teacher_user_id, created_at FROM school_class;

-- The name a parent had on Discord when they joined: /guardian list shows the teacher who used a
-- code, so a code that reached the wrong person is seen and undone.
ALTER TABLE guardian ADD COLUMN discord_name TEXT;
