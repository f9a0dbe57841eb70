-- Accounts scoped to the dropped organisation follow it into the kept one; the usernames
-- are kept (`;`-separated) so an undo can give them back.
ALTER TABLE merges ADD COLUMN moved_accounts TEXT NOT NULL DEFAULT '';
