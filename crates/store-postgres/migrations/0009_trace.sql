-- Traceability (issue 17): planting areas and packing houses with their codes, lots of
-- products (a GTIN's product and a batch number), and the events of lots, each with the
-- lots it names in order (a processing's inputs, and the lots of the event). Quantities and
-- areas as millionths like every figure.
CREATE TABLE facilities (
    code         text COLLATE "C" PRIMARY KEY,
    kind         text NOT NULL,
    org_code     text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    crop         text NOT NULL,
    area_ha      bigint CHECK (area_ha IS NULL OR area_ha > 0),
    households   bigint,
    unit_id      bigint NOT NULL REFERENCES admin_units(id),
    issued_by    text NOT NULL,
    issued_on    date NOT NULL,
    market       text NOT NULL DEFAULT '',
    status       text NOT NULL,
    status_since date
);
CREATE INDEX facilities_org ON facilities (org_code);
CREATE TABLE lots (
    product_code  text COLLATE "C" NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
    lot           text COLLATE "C" NOT NULL,
    quantity      bigint NOT NULL CHECK (quantity > 0),
    unit          text NOT NULL,
    produced_on   date NOT NULL,
    facility_code text COLLATE "C" REFERENCES facilities(code) ON UPDATE CASCADE,
    PRIMARY KEY (product_code, lot)
);
CREATE TABLE trace_events (
    code          text COLLATE "C" PRIMARY KEY,
    step          text NOT NULL,
    occurred_on   date NOT NULL,
    time_of_day   text,
    facility_code text COLLATE "C" REFERENCES facilities(code) ON UPDATE CASCADE,
    parent        text,
    note          text NOT NULL DEFAULT ''
);
CREATE TABLE trace_event_lots (
    event_code   text COLLATE "C" NOT NULL REFERENCES trace_events(code) ON DELETE CASCADE ON UPDATE CASCADE,
    position     bigint NOT NULL,
    role         text NOT NULL CHECK (role IN ('input', 'lot')),
    product_code text COLLATE "C" NOT NULL,
    lot          text COLLATE "C" NOT NULL,
    quantity     bigint NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (event_code, position),
    FOREIGN KEY (product_code, lot) REFERENCES lots(product_code, lot) ON UPDATE CASCADE
);
CREATE INDEX trace_event_lots_lot ON trace_event_lots (product_code, lot);
