-- The language a teacher chose for an invite's text (issue 17): a family that joins with that code
-- starts in it, so a text passed on in Arabic is followed by messages in Arabic although Discord
-- has no Arabic app language. Empty for invites made without one: the family then starts in their
-- Discord app's language, or the class's.
ALTER TABLE invite_code ADD COLUMN language TEXT;
