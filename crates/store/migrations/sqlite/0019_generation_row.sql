-- Every database has its generation row from the start (it was written by the first change
-- set): a copy between backends then compares `meta` row for row, and the PostgreSQL
-- adapter locks this row to queue writers.
INSERT INTO meta (key, value) VALUES ('generation', '0') ON CONFLICT (key) DO NOTHING;
