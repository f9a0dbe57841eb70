//! Hội quán records read back: the queries every adapter runs (the same columns in the same
//! order) and their rows as core types.

use super::{Columns, code, corrupt, enum_of, req_date, text};
use crate::port::error::Result;
use hoptac_core::model::{ClubProfile, ClubRecords, Meeting, Official, OrgOrigin};
use hoptac_core::types::{MeetingTopic, OfficialLevel, OrgKind};

pub const PROFILES: &str =
    "SELECT org_code, sequence_no, trade, meetings_per_year FROM club_profiles ORDER BY org_code";
pub const MEETINGS: &str = "SELECT org_code, held_on, topic, attendance, outcome FROM club_meetings ORDER BY org_code, held_on";
pub const OFFICIALS: &str = "SELECT org_code, held_on, name, office, level FROM club_meeting_officials ORDER BY org_code, held_on, seq";
/// The kind of the older organisation is read with the origin: the engines count "HTX
/// founded from a Hội quán" without looking the older one up (it may lie outside a scope).
pub const ORIGINS: &str = "SELECT g.org_code, g.from_code, o.kind, g.founding_members FROM org_origins g \
     JOIN organizations o ON o.code = g.from_code ORDER BY g.org_code, g.from_code";

/// `org_code, sequence_no, trade, meetings_per_year`
pub fn profile(r: &impl Columns) -> Result<ClubProfile> {
    Ok(ClubProfile {
        org: code(r, 0, "club_profiles")?,
        sequence_no: r.int(1)?,
        trade: text(r, 2, "club_profiles")?,
        meetings_per_year: r.int(3)?,
    })
}

/// `org_code, held_on, topic, attendance, outcome`; officials come separately.
pub fn meeting(r: &impl Columns) -> Result<Meeting> {
    Ok(Meeting {
        org: code(r, 0, "club_meetings")?,
        held_on: req_date(r, 1, "club_meetings", "date")?,
        topic: enum_of(r, 2, "club_meetings", MeetingTopic::parse)?,
        attendance: r.int(3)?,
        officials: Vec::new(),
        outcome: text(r, 4, "club_meetings")?,
    })
}

/// `org_code, held_on, name, office, level`: the official and the meeting it belongs to.
pub fn official(r: &impl Columns) -> Result<((String, hoptac_core::Date), Official)> {
    let org = text(r, 0, "club_meeting_officials")?;
    let on = req_date(r, 1, "club_meeting_officials", "date")?;
    Ok((
        (org, on),
        Official {
            name: text(r, 2, "club_meeting_officials")?,
            office: text(r, 3, "club_meeting_officials")?,
            level: enum_of(r, 4, "club_meeting_officials", OfficialLevel::parse)?,
        },
    ))
}

/// `org_code, from_code, kind of from, founding_members`
pub fn origin(r: &impl Columns) -> Result<OrgOrigin> {
    Ok(OrgOrigin {
        org: code(r, 0, "org_origins")?,
        from: code(r, 1, "org_origins")?,
        from_kind: enum_of(r, 2, "org_origins", OrgKind::parse)?,
        founding_members: r.int(3)?,
    })
}

/// The records of a snapshot from their rows: each official joined to its meeting (both
/// in key order), one with no meeting a corrupt store.
pub fn records(
    profiles: Vec<ClubProfile>,
    mut meetings: Vec<Meeting>,
    officials: Vec<((String, hoptac_core::Date), Official)>,
    origins: Vec<OrgOrigin>,
) -> Result<ClubRecords> {
    let mut at = 0;
    for ((org, on), o) in officials {
        while at < meetings.len()
            && (meetings[at].org.as_str(), meetings[at].held_on) < (org.as_str(), on)
        {
            at += 1;
        }
        match meetings.get_mut(at) {
            Some(m) if m.org.as_str() == org && m.held_on == on => m.officials.push(o),
            _ => {
                return Err(corrupt(
                    "club_meeting_officials",
                    format!("no meeting {org} {on}"),
                ));
            }
        }
    }
    Ok(ClubRecords {
        profiles,
        meetings,
        origins,
    })
}
