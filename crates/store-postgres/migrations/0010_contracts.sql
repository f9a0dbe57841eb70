-- Value-chain linkage (issue 17, NĐ 98/2018): linkage contracts, the cooperatives party to
-- each (the lead first), their delivery schedules, and the deliveries made under them.
-- Quantities and areas as millionths like every figure.
CREATE TABLE contracts (
    code             text COLLATE "C" PRIMARY KEY,
    partner          text NOT NULL,
    partner_tax_code text NOT NULL,
    form             text NOT NULL,
    goods            text NOT NULL,
    product_code     text COLLATE "C" REFERENCES products(code) ON UPDATE CASCADE,
    quantity         bigint NOT NULL CHECK (quantity > 0),
    unit             text NOT NULL,
    area_ha          bigint,
    households       bigint,
    price            text NOT NULL,
    signed_on        date NOT NULL,
    starts_on        date NOT NULL,
    ends_on          date NOT NULL,
    ended_on         date
);
CREATE TABLE contract_orgs (
    contract_code text COLLATE "C" NOT NULL REFERENCES contracts(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position      bigint NOT NULL,
    org_code      text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    PRIMARY KEY (contract_code, position)
);
CREATE INDEX contract_orgs_org ON contract_orgs (org_code);
CREATE TABLE contract_installments (
    contract_code text COLLATE "C" NOT NULL REFERENCES contracts(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position      bigint NOT NULL,
    due           date NOT NULL,
    quantity      bigint NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (contract_code, position)
);
CREATE TABLE deliveries (
    code          text COLLATE "C" PRIMARY KEY,
    contract_code text COLLATE "C" NOT NULL REFERENCES contracts(code) ON UPDATE CASCADE,
    delivered_on  date NOT NULL,
    quantity      bigint NOT NULL CHECK (quantity > 0),
    lot           text
);
CREATE INDEX deliveries_contract ON deliveries (contract_code);
