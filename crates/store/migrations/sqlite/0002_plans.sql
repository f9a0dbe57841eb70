-- Indicators defined as data, plans and their targets.

CREATE TABLE indicators (
    id          TEXT PRIMARY KEY,
    label_vi    TEXT NOT NULL,
    label_en    TEXT NOT NULL DEFAULT '',
    definition  TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE plans (
    code          TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    issuer        TEXT NOT NULL DEFAULT '',
    doc_no        TEXT NOT NULL DEFAULT '',
    doc_date      TEXT,
    from_year     INTEGER NOT NULL,
    to_year       INTEGER NOT NULL,
    baseline_year INTEGER NOT NULL,
    scope_code    TEXT NOT NULL,
    CHECK (from_year <= to_year AND baseline_year < from_year)
);

CREATE TABLE targets (
    plan_code          TEXT NOT NULL REFERENCES plans(code) ON UPDATE CASCADE ON DELETE CASCADE,
    no                 TEXT NOT NULL,
    wording            TEXT NOT NULL,
    indicator          TEXT NOT NULL,
    comparator         TEXT NOT NULL,
    value              INTEGER NOT NULL,
    value_hi           INTEGER,
    baseline_indicator TEXT,
    milestones         TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_code, no)
);
