-- Traceability (issue 17): planting areas and packing houses with their codes, lots of
-- products (a GTIN's product and a batch number), and the events of lots, each with the
-- lots it names in order (a processing's inputs, and the lots of the event). Quantities and
-- areas as millionths like every figure.
CREATE TABLE facilities (
    code         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    org_code     TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    crop         TEXT NOT NULL,
    area_ha      INTEGER CHECK (area_ha IS NULL OR area_ha > 0),
    households   INTEGER,
    unit_id      INTEGER NOT NULL REFERENCES admin_units(id),
    issued_by    TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    market       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    status_since TEXT
);
CREATE INDEX facilities_org ON facilities (org_code);
CREATE TABLE lots (
    product_code  TEXT NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
    lot           TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    unit          TEXT NOT NULL,
    produced_on   TEXT NOT NULL,
    facility_code TEXT REFERENCES facilities(code) ON UPDATE CASCADE,
    PRIMARY KEY (product_code, lot)
);
CREATE TABLE trace_events (
    code          TEXT PRIMARY KEY,
    step          TEXT NOT NULL,
    occurred_on   TEXT NOT NULL,
    time_of_day   TEXT,
    facility_code TEXT REFERENCES facilities(code) ON UPDATE CASCADE,
    parent        TEXT,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE TABLE trace_event_lots (
    event_code   TEXT NOT NULL REFERENCES trace_events(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position     INTEGER NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('input', 'lot')),
    product_code TEXT NOT NULL,
    lot          TEXT NOT NULL,
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (event_code, position),
    FOREIGN KEY (product_code, lot) REFERENCES lots(product_code, lot) ON UPDATE CASCADE
);
CREATE INDEX trace_event_lots_lot ON trace_event_lots (product_code, lot);
