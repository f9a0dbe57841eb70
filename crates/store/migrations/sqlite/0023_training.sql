-- Training courses and who attended them (issue 16): a course is the office's record of the
-- unit it is held for; an attendee is a person of an organisation (by name) or named only.
-- An organisation with attendees is not deleted underneath them: archiving and merging
-- refuse first, in words.
CREATE TABLE training_courses (
    code      TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    level     TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    unit_id   INTEGER NOT NULL REFERENCES admin_units(id),
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    funding   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE training_attendees (
    course_code TEXT NOT NULL REFERENCES training_courses(code) ON UPDATE CASCADE ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    full_name   TEXT NOT NULL,
    org_code    TEXT REFERENCES organizations(code) ON UPDATE CASCADE,
    PRIMARY KEY (course_code, seq)
);
CREATE INDEX training_attendees_org ON training_attendees (org_code);
