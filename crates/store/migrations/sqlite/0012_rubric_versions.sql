-- Rubrics an office loaded (bộ tiêu chí đã nạp): the whole document as it was loaded, one
-- row per version. The shipped rubrics are not stored; a loaded version supersedes them.
CREATE TABLE rubric_versions (
    rubric_id TEXT NOT NULL,
    version   INTEGER NOT NULL CHECK (version > 0),
    document  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    loaded_by TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    PRIMARY KEY (rubric_id, version)
);
