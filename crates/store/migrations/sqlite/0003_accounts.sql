-- Accounts, sessions and the append-only audit trail.

CREATE TABLE accounts (
    username       TEXT PRIMARY KEY,
    display_name   TEXT NOT NULL DEFAULT '',
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'commune', 'org', 'viewer')),
    scope_kind     TEXT NOT NULL CHECK (scope_kind IN ('all', 'unit', 'org')),
    scope_value    TEXT NOT NULL DEFAULT '',
    must_change    INTEGER NOT NULL DEFAULT 1,
    disabled       INTEGER NOT NULL DEFAULT 0
);

-- Only a hash of the session token is stored: a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    ip      TEXT NOT NULL DEFAULT '',
    action  TEXT NOT NULL,
    entity  TEXT NOT NULL DEFAULT '',
    key     TEXT NOT NULL DEFAULT '',
    unit_id INTEGER,
    before  TEXT,
    after   TEXT
);
CREATE INDEX audit_entity ON audit (entity, key);
CREATE INDEX audit_actor ON audit (actor);

-- Append-only: the trail cannot be edited or deleted through SQL either.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
