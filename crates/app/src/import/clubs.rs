//! The Hội quán sheets of a file: profiles, meetings and origins, each checked against the
//! organisation as it would be after the file, by the same rules as the club's forms. A
//! change to an organisation's life or kind that would leave its stored meetings or origins
//! outside the rules is refused on the organisation's row.

use crate::import::draft::{Draft, located_err, tally, unknown_org};
use crate::import::ground::Ground;
use hoptac_core::club::{meeting_problems, origin_problems, profile_problems};
use hoptac_core::model::{Meeting, OrgOrigin};
use hoptac_core::types::OrgKind;
use hoptac_exchange::columns::{HOIQUAN, HOIQUAN_MEETINGS, ORG_ORIGINS, ORGANIZATIONS};
use std::collections::{HashMap, HashSet};

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const PROFILES: usize = 9;
const MEETINGS: usize = 10;
const ORIGINS: usize = 11;

/// The sheet's column for a field of the club's rules (the forms name it `founded_from`).
fn column_of(field: &'static str) -> &'static str {
    match field {
        "founded_from" => "from_code",
        "org" => "org_code",
        f => f,
    }
}

pub(super) fn profiles(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.club_profiles {
        let p = &l.value;
        let Some(club) = g.org_of(&p.org) else {
            if !g.known(&p.org) {
                d.problems.push(unknown_org(l, &HOIQUAN, &p.org));
            }
            continue;
        };
        let p = hoptac_core::model::ClubProfile {
            trade: p.trade.trim().to_string(),
            ..p.clone()
        };
        let mut problems = profile_problems(&p);
        if club.kind != OrgKind::HoiQuan {
            problems.push((
                "org",
                p.org.to_string(),
                hoptac_core::msg!("club.not_a_club", org = p.org, kind = club.kind.label_vi()),
            ));
        }
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &HOIQUAN, column_of(f), v, msg));
            }
            continue;
        }
        let stored = g.db.clubs.profiles.iter().find(|x| x.org == p.org);
        if tally(&mut d.summary[PROFILES], stored, &p) {
            d.changes.club_profiles.push(p);
        }
    }
}

pub(super) fn meetings(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.meetings {
        let m = &l.value;
        let Some(club) = g.org_of(&m.org) else {
            if !g.known(&m.org) {
                d.problems.push(unknown_org(l, &HOIQUAN_MEETINGS, &m.org));
            }
            continue;
        };
        let m = Meeting {
            outcome: m.outcome.trim().to_string(),
            ..m.clone()
        };
        let problems = meeting_problems(club, &m);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &HOIQUAN_MEETINGS, column_of(f), v, msg));
            }
            continue;
        }
        let stored = (g.db.clubs.meetings_of(&m.org).iter()).find(|x| x.held_on == m.held_on);
        if tally(&mut d.summary[MEETINGS], stored, &m) {
            d.changes.meetings.push(m);
        }
    }
}

pub(super) fn origins(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.origins {
        let x = &l.value;
        let (Some(org), Some(from)) = (g.org_of(&x.org), g.org_of(&x.from)) else {
            for (code, field) in [(&x.org, "org_code"), (&x.from, "from_code")] {
                if !g.known(code) {
                    d.problems.push(located_err(
                        l,
                        &ORG_ORIGINS,
                        field,
                        code.to_string(),
                        hoptac_core::msg!("import.no_such_organisation", code = code),
                    ));
                }
            }
            continue;
        };
        let problems = origin_problems(org, from, x.founding_members);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &ORG_ORIGINS, column_of(f), v, msg));
            }
            continue;
        }
        let origin = OrgOrigin {
            org: x.org.clone(),
            from: x.from.clone(),
            from_kind: from.kind,
            founding_members: x.founding_members,
        };
        let stored =
            (g.db.clubs.origins.iter()).find(|s| s.org == origin.org && s.from == origin.from);
        if tally(&mut d.summary[ORIGINS], stored, &origin) {
            d.changes.origins.push(origin);
        }
    }
}

/// A stored meeting or origin the file's new dates or kind of an organisation would break:
/// refused on that organisation's row, the record named.
pub(super) fn stored_records_still_fit(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.orgs.is_empty() {
        return;
    }
    let in_file: HashSet<(&hoptac_core::OrgCode, hoptac_core::Date)> = (g.parsed.meetings.iter())
        .map(|l| (&l.value.org, l.value.held_on))
        .collect();
    let origins_in_file: HashSet<(&hoptac_core::OrgCode, &hoptac_core::OrgCode)> =
        (g.parsed.origins.iter())
            .map(|l| (&l.value.org, &l.value.from))
            .collect();
    let changed: HashMap<&hoptac_core::OrgCode, _> = (g.parsed.orgs.iter())
        .filter_map(|l| {
            let new = g.file_orgs.get(&l.value.code)?;
            let old = g.db_orgs.get(&new.code)?;
            let differs = old.kind != new.kind
                || old.founded_on != new.founded_on
                || old.dissolved_on != new.dissolved_on;
            differs.then_some((&new.code, l))
        })
        .collect();
    for (code, l) in &changed {
        let Some(club) = g.org_of(code) else { continue };
        for m in g.db.clubs.meetings_of(code) {
            if in_file.contains(&(&m.org, m.held_on)) {
                continue;
            }
            if let Some((_, v, _)) = meeting_problems(club, m)
                .into_iter()
                .find(|(f, _, _)| matches!(*f, "held_on" | "org"))
            {
                d.problems.push(located_err(
                    l,
                    &ORGANIZATIONS,
                    "dissolved_on",
                    v,
                    hoptac_core::msg!(
                        "import.meeting_outside_new_life",
                        org = code,
                        day = hoptac_core::date::to_vi(m.held_on)
                    ),
                ));
                break;
            }
        }
    }
    for o in &g.db.clubs.origins {
        if origins_in_file.contains(&(&o.org, &o.from)) {
            continue;
        }
        let Some(l) = changed.get(&o.org).or_else(|| changed.get(&o.from)) else {
            continue;
        };
        let (Some(org), Some(from)) = (g.org_of(&o.org), g.org_of(&o.from)) else {
            continue;
        };
        if let Some((_, v, _)) = origin_problems(org, from, o.founding_members).first() {
            d.problems.push(located_err(
                l,
                &ORGANIZATIONS,
                "kind",
                v.clone(),
                hoptac_core::msg!("import.origin_no_longer_fits", org = o.org, from = o.from),
            ));
        }
    }
}
