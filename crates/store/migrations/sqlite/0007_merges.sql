-- Merges of two records of one organisation: what moved, and an archive to undo it.
CREATE TABLE merges (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    keep_code      TEXT NOT NULL,
    drop_code      TEXT NOT NULL,
    moved_years    TEXT NOT NULL DEFAULT '',
    moved_managers TEXT NOT NULL DEFAULT '',
    case_ids       TEXT NOT NULL DEFAULT '',
    -- the dropped organisation, its reports and managers, as an exchange workbook
    archive        BLOB NOT NULL,
    undone_at      TEXT
);
