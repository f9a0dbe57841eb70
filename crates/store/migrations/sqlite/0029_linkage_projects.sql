-- Linkage projects and plans approved for support (issue 17, NĐ 98/2018): what the approval
-- decision names, the cooperatives taking part and the contracts it rests on, in order; a
-- support disbursement may name the project it was paid under. Money in exact đồng, areas
-- as millionths like every figure.
CREATE TABLE linkage_projects (
    code                 TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    lead                 TEXT NOT NULL,
    area_ha              INTEGER,
    households           INTEGER,
    investment_vnd       INTEGER NOT NULL CHECK (investment_vnd > 0),
    support_approved_vnd INTEGER NOT NULL CHECK (support_approved_vnd >= 0),
    approved_by          TEXT NOT NULL,
    decision             TEXT NOT NULL,
    approved_on          TEXT NOT NULL,
    starts_on            TEXT NOT NULL,
    ends_on              TEXT NOT NULL
);
CREATE TABLE project_orgs (
    project_code TEXT NOT NULL REFERENCES linkage_projects(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position     INTEGER NOT NULL,
    org_code     TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    PRIMARY KEY (project_code, position)
);
CREATE INDEX project_orgs_org ON project_orgs (org_code);
CREATE TABLE project_contracts (
    project_code  TEXT NOT NULL REFERENCES linkage_projects(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position      INTEGER NOT NULL,
    contract_code TEXT NOT NULL REFERENCES contracts(code) ON UPDATE CASCADE,
    PRIMARY KEY (project_code, position)
);
CREATE INDEX project_contracts_contract ON project_contracts (contract_code);
ALTER TABLE support_disbursements ADD COLUMN project_code TEXT REFERENCES linkage_projects(code) ON UPDATE CASCADE;
CREATE INDEX support_disbursements_project ON support_disbursements (project_code);
