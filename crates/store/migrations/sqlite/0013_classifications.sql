-- The classification axes entered for a cooperative and a year (phân loại HTX, TT01/2020
-- A.1 and TT09/2017); the scales are computed, not stored.
CREATE TABLE classifications (
    org_code   TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    supply     TEXT CHECK (supply IN ('production', 'consumption', 'employment', 'mixed')),
    vsic       TEXT CHECK (vsic IS NULL OR length(vsic) = 1),
    -- total capital, million VND, exact decimal text
    capital    TEXT,
    agri_field TEXT,
    PRIMARY KEY (org_code, year)
);
