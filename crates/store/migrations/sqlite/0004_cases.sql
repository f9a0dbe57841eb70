-- The review list (rà soát): cases opened by compliance rules, and what the office did.

CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    rule          TEXT NOT NULL,
    org_code      TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    since         TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    opened_at     TEXT NOT NULL,
    closed_at     TEXT,
    closed_reason TEXT
);
CREATE INDEX cases_org ON cases (org_code);

CREATE TABLE case_actions (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    on_date  TEXT
);
