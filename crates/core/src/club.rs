//! Hội quán as what they are (`shared/reference/regulations-ocop-accounting-trace.md` §4):
//! a farmer club launched by the commune ("ra mắt", its `founded_on`), numbered in the
//! province, gathered around a trade, meeting by its own regulation (at least monthly in
//! practice); its meetings (buổi sinh hoạt) with the officials who attended; and the lineage
//! Hội quán → THT → HTX of the organisations founded from it.
//!
//! The rules here are the checks a record must pass before it is written: each names the
//! field and the value it refuses.

use crate::i18n::Msg;
use crate::model::Organization;
pub use crate::model::{ClubProfile, ClubRecords, Meeting, Official, OrgOrigin};
use crate::types::{OfficialLevel, OrgKind};

/// Longest free text of a meeting or profile (outcome notes, trade).
pub const TEXT_MAX: usize = 2_000;
/// Longest name of a person or an office.
pub const NAME_MAX: usize = 255;
/// Most officials recorded at one meeting.
pub const OFFICIALS_MAX: usize = 30;
/// Most people counted at one meeting: above this a typing slip is far likelier than a
/// club of that size (the largest reported had a few hundred members).
pub const ATTENDANCE_MAX: i64 = 5_000;

/// The problems of a meeting of `club` (every one, each with its field), before it is
/// written: only a Hội quán meets here, and only while it exists.
pub fn meeting_problems(club: &Organization, m: &Meeting) -> Vec<(&'static str, String, Msg)> {
    let mut out = Vec::new();
    let day = crate::date::to_vi(m.held_on);
    if club.kind != OrgKind::HoiQuan {
        out.push((
            "org",
            club.code.to_string(),
            crate::msg!(
                "club.not_a_club",
                org = club.code,
                kind = club.kind.label_vi()
            ),
        ));
    }
    if m.held_on < club.founded_on {
        out.push((
            "held_on",
            day.clone(),
            crate::msg!(
                "club.meeting_before_launch",
                day = day,
                launched = crate::date::to_vi(club.founded_on)
            ),
        ));
    }
    if let Some(end) = club.dissolved_on
        && m.held_on >= end
    {
        out.push((
            "held_on",
            day.clone(),
            crate::msg!(
                "club.meeting_after_end",
                day = day,
                ended = crate::date::to_vi(end)
            ),
        ));
    }
    if let Some(n) = m.attendance
        && !(0..=ATTENDANCE_MAX).contains(&n)
    {
        out.push((
            "attendance",
            n.to_string(),
            crate::msg!("club.attendance_range", max = ATTENDANCE_MAX),
        ));
    }
    if m.outcome.chars().count() > TEXT_MAX {
        out.push((
            "outcome",
            String::new(),
            crate::msg!("club.text_too_long", max = TEXT_MAX),
        ));
    }
    if m.officials.len() > OFFICIALS_MAX {
        out.push((
            "officials",
            m.officials.len().to_string(),
            crate::msg!("club.too_many_officials", max = OFFICIALS_MAX),
        ));
    }
    for o in &m.officials {
        if o.name.trim().is_empty() || o.name.chars().count() > NAME_MAX {
            out.push((
                "officials",
                o.name.clone(),
                crate::msg!("club.official_name", max = NAME_MAX),
            ));
        }
        if o.office.chars().count() > NAME_MAX {
            out.push((
                "officials",
                o.office.clone(),
                crate::msg!("club.text_too_long", max = NAME_MAX),
            ));
        }
    }
    out
}

/// The problems of a club's profile, each with its field.
pub fn profile_problems(p: &ClubProfile) -> Vec<(&'static str, String, Msg)> {
    let mut out = Vec::new();
    if let Some(n) = p.sequence_no
        && !(1..=100_000).contains(&n)
    {
        out.push((
            "sequence_no",
            n.to_string(),
            crate::msg!("club.sequence_range"),
        ));
    }
    if let Some(n) = p.meetings_per_year
        && !(1..=366).contains(&n)
    {
        out.push((
            "meetings_per_year",
            n.to_string(),
            crate::msg!("club.frequency_range"),
        ));
    }
    if p.trade.chars().count() > NAME_MAX {
        out.push((
            "trade",
            p.trade.chars().take(40).collect(),
            crate::msg!("club.text_too_long", max = NAME_MAX),
        ));
    }
    out
}

/// The problems of an origin: an organisation is founded from an older one of another
/// standing (a club or a group), not from itself, and not before that one existed.
pub fn origin_problems(
    org: &Organization,
    from: &Organization,
    founding_members: Option<i64>,
) -> Vec<(&'static str, String, Msg)> {
    let mut out = Vec::new();
    if org.code == from.code {
        out.push((
            "founded_from",
            from.code.to_string(),
            crate::msg!("club.origin_itself"),
        ));
    }
    let allowed = matches!(
        (from.kind, org.kind),
        (OrgKind::HoiQuan, OrgKind::Tht | OrgKind::Htx)
            | (OrgKind::Tht, OrgKind::Htx)
            | (OrgKind::Htx, OrgKind::Lhhtx)
    );
    if !allowed {
        out.push((
            "founded_from",
            from.code.to_string(),
            crate::msg!(
                "club.origin_kind",
                from = from.kind.label_vi(),
                kind = org.kind.label_vi()
            ),
        ));
    }
    if org.founded_on < from.founded_on {
        out.push((
            "founded_from",
            from.code.to_string(),
            crate::msg!(
                "club.origin_younger",
                from = from.code,
                founded = crate::date::to_vi(from.founded_on)
            ),
        ));
    }
    if let Some(n) = founding_members
        && !(0..=ATTENDANCE_MAX).contains(&n)
    {
        out.push((
            "founding_members",
            n.to_string(),
            crate::msg!("club.attendance_range", max = ATTENDANCE_MAX),
        ));
    }
    out
}

/// Reads the officials cell of a sheet or a form: one official a line (or `;`-separated),
/// each `name | office | level` with office and level optional (`xa` when absent). A
/// problem names the official it is about.
pub fn parse_officials(s: &str) -> Result<Vec<Official>, (String, Msg)> {
    let mut out = Vec::new();
    for part in s
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if out.len() >= OFFICIALS_MAX {
            return Err((
                part.chars().take(40).collect(),
                crate::msg!("club.too_many_officials", max = OFFICIALS_MAX),
            ));
        }
        let mut cols = part.split('|').map(str::trim);
        let name = cols.next().unwrap_or_default().to_string();
        let office = cols.next().unwrap_or_default().to_string();
        let level = match cols.next().filter(|l| !l.is_empty()) {
            None => OfficialLevel::Commune,
            Some(l) => OfficialLevel::parse(l).ok_or_else(|| {
                (
                    l.to_string(),
                    crate::msg!(
                        "club.official_level",
                        value = l,
                        expected = OfficialLevel::all()
                            .iter()
                            .map(|x| format!("{} ({})", x.code(), x.label_vi()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?,
        };
        if name.is_empty() || name.chars().count() > NAME_MAX {
            return Err((
                part.to_string(),
                crate::msg!("club.official_name", max = NAME_MAX),
            ));
        }
        if office.chars().count() > NAME_MAX {
            return Err((office, crate::msg!("club.text_too_long", max = NAME_MAX)));
        }
        out.push(Official {
            name,
            office,
            level,
        });
    }
    Ok(out)
}

/// The officials as one cell, the way [`parse_officials`] reads them back.
pub fn officials_text(officials: &[Official]) -> String {
    officials
        .iter()
        .map(|o| format!("{} | {} | {}", o.name, o.office, o.level.code()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests;
