-- Yearly evaluations (đánh giá, xếp loại) by a versioned rubric. Scores are kept as text
-- `item=value` lines (exact decimals), the cooperative's and the reviewer's apart.
CREATE TABLE evaluations (
    org_code       TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    rubric_id      TEXT NOT NULL,
    rubric_version INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'reviewed', 'approved')),
    self_scores    TEXT NOT NULL DEFAULT '',
    -- `item=value=reason` lines
    adjusted       TEXT NOT NULL DEFAULT '',
    submitted_on   TEXT,
    PRIMARY KEY (org_code, year, rubric_id)
);
