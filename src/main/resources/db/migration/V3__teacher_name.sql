-- The teacher's name as families see it in messages ("Juf Anna"), taken at /class setup.
ALTER TABLE school_class ADD COLUMN teacher_name TEXT NOT NULL DEFAULT '';
