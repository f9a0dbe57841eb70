-- Training courses and who attended them (issue 16): a course is the office's record of the
-- unit it is held for; an attendee is a person of an organisation (by name) or named only.
-- An organisation with attendees is not deleted underneath them: archiving and merging
-- refuse first, in words.
CREATE TABLE training_courses (
    code      text COLLATE "C" PRIMARY KEY,
    title     text NOT NULL,
    level     text NOT NULL,
    organiser text NOT NULL DEFAULT '',
    unit_id   bigint NOT NULL REFERENCES admin_units(id),
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    funding   text NOT NULL DEFAULT ''
);
CREATE TABLE training_attendees (
    course_code text COLLATE "C" NOT NULL REFERENCES training_courses(code) ON UPDATE CASCADE ON DELETE CASCADE,
    seq         bigint NOT NULL,
    full_name   text NOT NULL,
    org_code    text COLLATE "C" REFERENCES organizations(code) ON UPDATE CASCADE,
    PRIMARY KEY (course_code, seq)
);
CREATE INDEX training_attendees_org ON training_attendees (org_code);
