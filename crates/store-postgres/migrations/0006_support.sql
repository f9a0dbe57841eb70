-- Propaganda events and support disbursements (issue 16). An event is the office's record
-- of the unit it was held for; a disbursement names the organisation that received it, in
-- exact đồng. An organisation with disbursements is not deleted underneath them.
CREATE TABLE support_events (
    code      text COLLATE "C" PRIMARY KEY,
    kind      text NOT NULL,
    title     text NOT NULL,
    held_on   date NOT NULL,
    organiser text NOT NULL DEFAULT '',
    unit_id   bigint NOT NULL REFERENCES admin_units(id),
    audience  text NOT NULL DEFAULT '',
    reach     bigint
);
CREATE TABLE support_disbursements (
    code        text COLLATE "C" PRIMARY KEY,
    policy      text NOT NULL,
    legal_basis text NOT NULL,
    decision    text NOT NULL DEFAULT '',
    org_code    text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    amount_vnd  bigint NOT NULL CHECK (amount_vnd > 0),
    source      text NOT NULL,
    paid_on     date NOT NULL
);
CREATE INDEX support_disbursements_org ON support_disbursements (org_code);
