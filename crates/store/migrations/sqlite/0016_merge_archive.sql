-- What a merge (hợp nhất bản ghi) drops besides reports and managers: the dropped record's
-- evaluations, classifications and registered services, kept row for row so that undoing
-- the merge puts every one of them back.
CREATE TABLE merged_evaluations (
    merge_id       INTEGER NOT NULL REFERENCES merges(id),
    org_code       TEXT NOT NULL,
    year           INTEGER NOT NULL,
    rubric_id      TEXT NOT NULL,
    rubric_version INTEGER NOT NULL,
    state          TEXT NOT NULL,
    self_scores    TEXT NOT NULL,
    adjusted       TEXT NOT NULL,
    submitted_on   TEXT
);
CREATE TABLE merged_classifications (
    merge_id   INTEGER NOT NULL REFERENCES merges(id),
    org_code   TEXT NOT NULL,
    year       INTEGER NOT NULL,
    supply     TEXT,
    vsic       TEXT,
    capital    TEXT,
    agri_field TEXT
);
CREATE TABLE merged_registered_services (
    merge_id INTEGER NOT NULL REFERENCES merges(id),
    org_code TEXT NOT NULL,
    service  TEXT NOT NULL
);
