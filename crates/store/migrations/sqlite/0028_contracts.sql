-- Value-chain linkage (issue 17, NĐ 98/2018): linkage contracts, the cooperatives party to
-- each (the lead first), their delivery schedules, and the deliveries made under them.
-- Quantities and areas as millionths like every figure.
CREATE TABLE contracts (
    code             TEXT PRIMARY KEY,
    partner          TEXT NOT NULL,
    partner_tax_code TEXT NOT NULL,
    form             TEXT NOT NULL,
    goods            TEXT NOT NULL,
    product_code     TEXT REFERENCES products(code) ON UPDATE CASCADE,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit             TEXT NOT NULL,
    area_ha          INTEGER,
    households       INTEGER,
    price            TEXT NOT NULL,
    signed_on        TEXT NOT NULL,
    starts_on        TEXT NOT NULL,
    ends_on          TEXT NOT NULL,
    ended_on         TEXT
);
CREATE TABLE contract_orgs (
    contract_code TEXT NOT NULL REFERENCES contracts(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position      INTEGER NOT NULL,
    org_code      TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    PRIMARY KEY (contract_code, position)
);
CREATE INDEX contract_orgs_org ON contract_orgs (org_code);
CREATE TABLE contract_installments (
    contract_code TEXT NOT NULL REFERENCES contracts(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position      INTEGER NOT NULL,
    due           TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (contract_code, position)
);
CREATE TABLE deliveries (
    code          TEXT PRIMARY KEY,
    contract_code TEXT NOT NULL REFERENCES contracts(code) ON UPDATE CASCADE,
    delivered_on  TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    lot           TEXT
);
CREATE INDEX deliveries_contract ON deliveries (contract_code);
