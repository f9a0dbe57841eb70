-- The tasks of a plan and the offices responsible for them (issue 16). Offices are the
-- plan's own list as of its adoption, each with its successor once it ceased; a task names
-- them by code (lead and co-ordinating, `;`-separated) and the indicators that show it done.
CREATE TABLE plan_offices (
    plan_code text NOT NULL REFERENCES plans(code) ON UPDATE CASCADE ON DELETE CASCADE,
    code      text COLLATE "C" NOT NULL,
    name      text NOT NULL,
    until     date,
    successor text NOT NULL DEFAULT '',
    PRIMARY KEY (plan_code, code)
);
CREATE TABLE plan_tasks (
    plan_code text NOT NULL REFERENCES plans(code) ON UPDATE CASCADE ON DELETE CASCADE,
    number    text COLLATE "C" NOT NULL,
    grp       text NOT NULL,
    text      text NOT NULL,
    lead      text NOT NULL,
    partners  text NOT NULL DEFAULT '',
    output    text NOT NULL DEFAULT '',
    evidence  text NOT NULL DEFAULT '',
    status    text NOT NULL,
    reason    text NOT NULL DEFAULT '',
    PRIMARY KEY (plan_code, number)
);
