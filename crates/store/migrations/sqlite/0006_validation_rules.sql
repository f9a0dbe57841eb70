-- Validation rules as data (quy tắc kiểm tra): hoptac ships a default set; offices add theirs.
CREATE TABLE validation_rules (
    id         TEXT PRIMARY KEY,
    expression TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('warning', 'error')),
    message_vi TEXT NOT NULL,
    message_en TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1
);
