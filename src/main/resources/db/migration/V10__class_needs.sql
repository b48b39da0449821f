-- What the teacher needs from parents, in the teacher's own words (/class needs), one text per
-- class. The start-of-year questionnaire shows it instead of its generic 'teacher-needs' text.
CREATE TABLE class_needs (
    class_id          INTEGER PRIMARY KEY REFERENCES school_class (id) ON DELETE CASCADE,
    text              TEXT    NOT NULL,
    written_by_user_id INTEGER NOT NULL,
    written_at        INTEGER NOT NULL
);
