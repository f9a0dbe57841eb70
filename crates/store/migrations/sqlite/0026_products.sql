-- Products of organisations and their OCOP ratings (issue 17). A GTIN names one product
-- (kept as its 14 digits); a rating is the recognition decision and its certificate, 3 to 5
-- stars, points as millionths like every figure. A product with ratings, and an
-- organisation with products, are not deleted underneath them.
CREATE TABLE products (
    code       TEXT PRIMARY KEY,
    org_code   TEXT NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    name       TEXT NOT NULL,
    ocop_group TEXT NOT NULL,
    subgroup   TEXT NOT NULL DEFAULT '',
    gtin       TEXT UNIQUE CHECK (gtin IS NULL OR length(gtin) = 14),
    unit       TEXT NOT NULL DEFAULT '',
    public     INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1))
);
CREATE INDEX products_org ON products (org_code);
CREATE TABLE ocop_ratings (
    code         TEXT PRIMARY KEY,
    product_code TEXT NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
    criteria     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    part_a       INTEGER,
    part_b       INTEGER,
    part_c       INTEGER,
    score        INTEGER,
    stars        INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
    decision     TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    level        TEXT NOT NULL,
    revoked_on   TEXT,
    revocation   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ocop_ratings_product ON ocop_ratings (product_code);
