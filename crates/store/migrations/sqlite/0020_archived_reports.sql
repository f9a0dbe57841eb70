-- Yearly reports taken out of the register by a correction (lưu trữ): the whole row as it
-- was, who took it out, when and why, and when it was put back. Rows are never deleted;
-- only the moment of putting back is written, once.
CREATE TABLE archived_reports (
    id                      INTEGER PRIMARY KEY,
    org_code                TEXT NOT NULL,
    year                    INTEGER NOT NULL,
    members                 INTEGER,
    members_joined          INTEGER,
    members_left            INTEGER,
    workers                 INTEGER,
    revenue                 INTEGER,
    profit                  INTEGER,
    member_income           INTEGER,
    worker_income           INTEGER,
    services                TEXT NOT NULL DEFAULT '',
    rating                  TEXT,
    rating_basis            TEXT,
    general_meeting_on      TEXT,
    statements_filed        INTEGER,
    received_on             TEXT,
    statements_filed_on     TEXT,
    self_assessment_sent_on TEXT,
    archived_at             TEXT NOT NULL,
    archived_by             TEXT NOT NULL,
    reason                  TEXT NOT NULL,
    restored_at             TEXT
);
CREATE INDEX archived_reports_org ON archived_reports (org_code);
CREATE TRIGGER archived_reports_kept BEFORE DELETE ON archived_reports
BEGIN SELECT RAISE(ABORT, 'archived_reports are kept'); END;
CREATE TRIGGER archived_reports_restored_once BEFORE UPDATE ON archived_reports
WHEN OLD.restored_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.org_code IS NOT OLD.org_code
  OR NEW.year IS NOT OLD.year OR NEW.revenue IS NOT OLD.revenue OR NEW.profit IS NOT OLD.profit
  OR NEW.members IS NOT OLD.members OR NEW.archived_at IS NOT OLD.archived_at OR NEW.reason IS NOT OLD.reason
BEGIN SELECT RAISE(ABORT, 'an archived report is only marked put back, once'); END;
