-- For BackupRestoreTest: an upgrade whose last migration fails after changing something.
UPDATE school_class SET name = 'changed by a broken upgrade';
INSERT INTO no_such_table (x) VALUES (1);
