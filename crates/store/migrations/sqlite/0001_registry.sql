-- The registry: administrative units, organisations, yearly reports, managers.
-- Dates are ISO text (YYYY-MM-DD); money is INTEGER đồng (million VND × 10^6), exact.

CREATE TABLE admin_units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_id   INTEGER REFERENCES admin_units(id),
    valid_from  TEXT,
    valid_to    TEXT
);
-- Codes are reused after reorganisations: a unit is one code from one date.
CREATE UNIQUE INDEX admin_units_code_from ON admin_units (code, COALESCE(valid_from, ''));

CREATE TABLE organizations (
    code            TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    name_folded     TEXT NOT NULL,
    sector          TEXT NOT NULL,
    commune_id      INTEGER NOT NULL REFERENCES admin_units(id),
    founded_on      TEXT NOT NULL,
    dissolved_on    TEXT,
    registration_no TEXT,
    CHECK (dissolved_on IS NULL OR dissolved_on > founded_on)
);
CREATE INDEX organizations_folded ON organizations (name_folded);
CREATE INDEX organizations_commune ON organizations (commune_id);

CREATE TABLE annual_reports (
    org_code           TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year               INTEGER NOT NULL,
    members            INTEGER CHECK (members >= 0),
    members_joined     INTEGER CHECK (members_joined >= 0),
    members_left       INTEGER CHECK (members_left >= 0),
    workers            INTEGER CHECK (workers >= 0),
    revenue            INTEGER,
    profit             INTEGER,
    member_income      INTEGER,
    worker_income      INTEGER,
    services           TEXT NOT NULL DEFAULT '',
    rating             TEXT,
    general_meeting_on TEXT,
    statements_filed   INTEGER,
    PRIMARY KEY (org_code, year)
);
CREATE INDEX annual_reports_year ON annual_reports (year);

CREATE TABLE managers (
    id            INTEGER PRIMARY KEY,
    org_code      TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL,
    qualification TEXT,
    trained_on    TEXT,
    from_date     TEXT,
    to_date       TEXT
);
-- A person's term in a role is identified by who, where, which role and since when.
CREATE UNIQUE INDEX managers_key ON managers (org_code, full_name, role, COALESCE(from_date, ''));

-- Facts about the database itself (e.g. that it holds illustrative demo data).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
