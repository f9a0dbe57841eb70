-- Hội quán as what they are (issue 16): the club's profile beyond the register's row, its
-- meetings with the officials who attended, and the organisations founded from another.
-- An organisation with such records is not deleted underneath them (no cascade on delete):
-- archiving and merging refuse first, in words.
CREATE TABLE club_profiles (
    org_code          text COLLATE "C" PRIMARY KEY REFERENCES organizations(code) ON UPDATE CASCADE,
    sequence_no       bigint,
    trade             text NOT NULL DEFAULT '',
    meetings_per_year bigint
);
CREATE TABLE club_meetings (
    org_code   text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    held_on    date NOT NULL,
    topic      text NOT NULL,
    attendance bigint,
    outcome    text NOT NULL DEFAULT '',
    PRIMARY KEY (org_code, held_on)
);
CREATE TABLE club_meeting_officials (
    org_code text COLLATE "C" NOT NULL,
    held_on  date NOT NULL,
    seq      bigint NOT NULL,
    name     text NOT NULL,
    office   text NOT NULL DEFAULT '',
    level    text NOT NULL,
    PRIMARY KEY (org_code, held_on, seq),
    FOREIGN KEY (org_code, held_on) REFERENCES club_meetings(org_code, held_on)
        ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE TABLE org_origins (
    org_code         text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    from_code        text COLLATE "C" NOT NULL REFERENCES organizations(code) ON UPDATE CASCADE,
    founding_members bigint,
    PRIMARY KEY (org_code, from_code)
);
CREATE INDEX org_origins_from ON org_origins (from_code);
