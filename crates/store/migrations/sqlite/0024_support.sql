-- Propaganda events and support disbursements (issue 16). An event is the office's record
-- of the unit it was held for; a disbursement names the organisation that received it, in
-- exact đồng. An organisation with disbursements is not deleted underneath them.
CREATE TABLE support_events (
    code      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    title     TEXT NOT NULL,
    held_on   TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    unit_id   INTEGER NOT NULL REFERENCES admin_units(id),
    audience  TEXT NOT NULL DEFAULT '',
    reach     INTEGER
);
CREATE TABLE support_disbursements (
    code        TEXT PRIMARY KEY,
    policy      TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    decision    TEXT NOT NULL DEFAULT '',
    org_code    TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    amount_vnd  INTEGER NOT NULL CHECK (amount_vnd > 0),
    source      TEXT NOT NULL,
    paid_on     TEXT NOT NULL
);
CREATE INDEX support_disbursements_org ON support_disbursements (org_code);
