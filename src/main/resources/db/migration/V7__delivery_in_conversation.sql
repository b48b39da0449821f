-- A message in a conversation the person is having with the bot right now, such as the next
-- question after a typed answer: it goes out at once, before the bulk messages on its channel, and
-- is not held for quiet hours (the person just wrote; the answer is what they wait for).
ALTER TABLE delivery ADD COLUMN in_conversation INTEGER NOT NULL DEFAULT 0 CHECK (in_conversation IN (0, 1));
