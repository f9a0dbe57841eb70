-- Closing a reporting year (khóa sổ năm báo cáo): once an office has compiled a year, its
-- yearly reports are locked in its territory; reopening needs a reason. Kept as events,
-- never updated: the state of (year, unit) is its latest event.
CREATE TABLE reporting_locks (
    id      INTEGER PRIMARY KEY,
    year    INTEGER NOT NULL,
    unit_id INTEGER REFERENCES admin_units(id),
    action  TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    reason  TEXT NOT NULL DEFAULT '',
    actor   TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE TRIGGER reporting_locks_append_only_update BEFORE UPDATE ON reporting_locks
BEGIN SELECT RAISE(ABORT, 'reporting_locks is append-only'); END;
CREATE TRIGGER reporting_locks_append_only_delete BEFORE DELETE ON reporting_locks
BEGIN SELECT RAISE(ABORT, 'reporting_locks is append-only'); END;
