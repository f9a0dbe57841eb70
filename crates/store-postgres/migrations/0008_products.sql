-- Products of organisations and their OCOP ratings (issue 17). A GTIN names one product
-- (kept as its 14 digits); a rating is the recognition decision and its certificate, 3 to 5
-- stars, points as millionths like every figure. A product with ratings, and an
-- organisation with products, are not deleted underneath them.
CREATE TABLE products (
    code       text COLLATE "C" PRIMARY KEY,
    org_code   text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    name       text NOT NULL,
    ocop_group text NOT NULL,
    subgroup   text NOT NULL DEFAULT '',
    gtin       text UNIQUE CHECK (gtin IS NULL OR length(gtin) = 14),
    unit       text NOT NULL DEFAULT '',
    public     boolean NOT NULL DEFAULT false
);
CREATE INDEX products_org ON products (org_code);
CREATE TABLE ocop_ratings (
    code         text COLLATE "C" PRIMARY KEY,
    product_code text COLLATE "C" NOT NULL REFERENCES products(code) ON UPDATE CASCADE,
    criteria     text NOT NULL,
    kind         text NOT NULL,
    part_a       bigint,
    part_b       bigint,
    part_c       bigint,
    score        bigint,
    stars        bigint NOT NULL CHECK (stars BETWEEN 3 AND 5),
    decision     text NOT NULL,
    decided_on   date NOT NULL,
    level        text NOT NULL,
    revoked_on   date,
    revocation   text NOT NULL DEFAULT ''
);
CREATE INDEX ocop_ratings_product ON ocop_ratings (product_code);
