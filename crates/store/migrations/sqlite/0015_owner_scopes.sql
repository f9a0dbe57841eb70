-- The owner scope (phạm vi sở hữu) of shared definitions: indicators and validation rules
-- defined by an office belong to that office's unit; a row that is absent belongs to the
-- whole installation. Only an account whose scope covers the owner may change the
-- definition. The owner is set when the definition is created and never changes.
CREATE TABLE owner_scopes (
    entity  TEXT NOT NULL CHECK (entity IN ('indicators', 'validation_rules')),
    key     TEXT NOT NULL,
    unit_id INTEGER REFERENCES admin_units(id),
    PRIMARY KEY (entity, key)
);
