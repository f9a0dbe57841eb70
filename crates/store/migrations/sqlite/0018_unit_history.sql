-- How units became others (sáp nhập, chia tách) and organisations moving between communes
-- (chuyển địa bàn): shared/spec/admin-units.md.
CREATE TABLE unit_changes (
    old_id  INTEGER NOT NULL REFERENCES admin_units(id),
    new_id  INTEGER NOT NULL REFERENCES admin_units(id),
    on_date TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('full', 'partial')),
    basis   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (old_id, new_id),
    CHECK (old_id <> new_id)
);
CREATE INDEX unit_changes_new ON unit_changes (new_id);

CREATE TABLE organization_moves (
    org_code   TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE ON DELETE CASCADE,
    commune_id INTEGER NOT NULL REFERENCES admin_units(id),
    moved_on   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_code, moved_on)
);
