-- Cooperative books (issue 18, TT 71/2024/TT-BTC): per organisation and fiscal year the
-- sub-accounts it added, its opening balances, its vouchers with their lines, and the
-- closing voucher (closing = 1). Money in exact đồng; each line one positive side. A year
-- carries its own version, moved on by every write, so an edit never overwrites another.
CREATE TABLE ledger_years (
    org_code  TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    year      INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    closed    INTEGER NOT NULL DEFAULT 0,
    version   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (org_code, year)
);
CREATE TABLE ledger_accounts (
    org_code TEXT NOT NULL,
    year     INTEGER NOT NULL,
    number   TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (org_code, year, number),
    FOREIGN KEY (org_code, year) REFERENCES ledger_years(org_code, year) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE ledger_opening (
    org_code TEXT NOT NULL,
    year     INTEGER NOT NULL,
    account  TEXT NOT NULL,
    net_vnd  INTEGER NOT NULL,
    PRIMARY KEY (org_code, year, account),
    FOREIGN KEY (org_code, year) REFERENCES ledger_years(org_code, year) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE ledger_vouchers (
    id          INTEGER PRIMARY KEY,
    org_code    TEXT NOT NULL,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    number      TEXT NOT NULL,
    posted_on   TEXT NOT NULL,
    description TEXT NOT NULL,
    closing     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_code, year, kind, number),
    FOREIGN KEY (org_code, year) REFERENCES ledger_years(org_code, year) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE ledger_lines (
    voucher_id INTEGER NOT NULL REFERENCES ledger_vouchers(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    account    TEXT NOT NULL,
    debit_vnd  INTEGER NOT NULL,
    credit_vnd INTEGER NOT NULL,
    PRIMARY KEY (voucher_id, position),
    CHECK ((debit_vnd > 0 AND credit_vnd = 0) OR (debit_vnd = 0 AND credit_vnd > 0))
);
