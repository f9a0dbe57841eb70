-- Organisations entered by mistake, taken out of the register (lưu trữ): the row as it was
-- with its managers and registered services, who took it out, when and why, and when it
-- was put back. Rows are never deleted; only the moment of putting back is written, once.
CREATE TABLE archived_orgs (
    id              INTEGER PRIMARY KEY,
    org_code        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    sector          TEXT NOT NULL,
    commune_id      INTEGER NOT NULL REFERENCES admin_units(id),
    founded_on      TEXT NOT NULL,
    dissolved_on    TEXT,
    registration_no TEXT,
    services        TEXT NOT NULL DEFAULT '',
    archived_at     TEXT NOT NULL,
    archived_by     TEXT NOT NULL,
    reason          TEXT NOT NULL,
    restored_at     TEXT
);
CREATE INDEX archived_orgs_code ON archived_orgs (org_code);
CREATE TABLE archived_org_managers (
    id            INTEGER PRIMARY KEY,
    archive_id    INTEGER NOT NULL REFERENCES archived_orgs(id),
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL,
    qualification TEXT,
    trained_on    TEXT,
    from_date     TEXT,
    to_date       TEXT
);
CREATE INDEX archived_org_managers_archive ON archived_org_managers (archive_id);
CREATE TRIGGER archived_orgs_kept BEFORE DELETE ON archived_orgs
BEGIN SELECT RAISE(ABORT, 'archived_orgs are kept'); END;
CREATE TRIGGER archived_org_managers_kept BEFORE DELETE ON archived_org_managers
BEGIN SELECT RAISE(ABORT, 'archived_org_managers are kept'); END;
CREATE TRIGGER archived_org_managers_fixed BEFORE UPDATE ON archived_org_managers
BEGIN SELECT RAISE(ABORT, 'archived_org_managers are kept as they were'); END;
CREATE TRIGGER archived_orgs_restored_once BEFORE UPDATE ON archived_orgs
WHEN OLD.restored_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.org_code IS NOT OLD.org_code
  OR NEW.kind IS NOT OLD.kind OR NEW.name IS NOT OLD.name OR NEW.sector IS NOT OLD.sector
  OR NEW.commune_id IS NOT OLD.commune_id OR NEW.founded_on IS NOT OLD.founded_on
  OR NEW.dissolved_on IS NOT OLD.dissolved_on OR NEW.registration_no IS NOT OLD.registration_no
  OR NEW.services IS NOT OLD.services OR NEW.archived_at IS NOT OLD.archived_at
  OR NEW.archived_by IS NOT OLD.archived_by OR NEW.reason IS NOT OLD.reason
BEGIN SELECT RAISE(ABORT, 'an archived organisation is only marked put back, once'); END;
