-- The tasks of a plan and the offices responsible for them (issue 16). Offices are the
-- plan's own list as of its adoption, each with its successor once it ceased; a task names
-- them by code (lead and co-ordinating, `;`-separated) and the indicators that show it done.
CREATE TABLE plan_offices (
    plan_code TEXT NOT NULL REFERENCES plans(code) ON UPDATE CASCADE ON DELETE CASCADE,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    until     TEXT,
    successor TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_code, code)
);
CREATE TABLE plan_tasks (
    plan_code TEXT NOT NULL REFERENCES plans(code) ON UPDATE CASCADE ON DELETE CASCADE,
    number    TEXT NOT NULL,
    grp       TEXT NOT NULL,
    text      TEXT NOT NULL,
    lead      TEXT NOT NULL,
    partners  TEXT NOT NULL DEFAULT '',
    output    TEXT NOT NULL DEFAULT '',
    evidence  TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_code, number)
);
