//! The demo's Hội quán records, ILLUSTRATIVE DATA: each club's trade and monthly regulation
//! (the reference says "at least once a month"), its meetings from 2021 to November 2026 with
//! the officials who came, and the two cooperatives of the plan's period grown from a club.
//! No sequence numbers: the province's numbering of these clubs is not known.
//!
//! A separate random stream, so adding these never moves the figures the plan's statistics
//! are built from.

use super::kit::{Rng, date};
use hoptac_core::model::{ClubProfile, ClubRecords, Meeting, Official, OrgOrigin, Organization};
use hoptac_core::types::{MeetingTopic, OfficialLevel, OrgKind};

/// The club entered twice for the review keeps no records of its own, so it can be merged.
const DUPLICATE: &str = "HQ-TM-14";

/// Trades the clubs of Tháp Mười gather around (lúa and sen are the district's own).
const TRADES: [&str; 5] = ["Lúa", "Sen", "Xoài", "Cá đồng", "Rau màu"];

/// (cooperative, the club it grew from, founders who were club members)
const GROWN: [(&str, &str, i64); 2] = [
    ("HTX Nông nghiệp Hội quán Mỹ Hòa", "HQ-TM-06", 18),
    ("HTX Nông nghiệp Hội quán Láng Biển", "HQ-TM-12", 15),
];

fn officials_on(rng: &mut Rng, y: i32, m: u8) -> Vec<Official> {
    // the district's offices until the reform of 1 July 2025; the commune's after it
    let before_reform = (y, m) < (2025, 7);
    let pool: &[(&str, &str, OfficialLevel)] = if before_reform {
        &[
            (
                "Nguyễn Văn Phúc",
                "Phòng NN-PTNT huyện Tháp Mười",
                OfficialLevel::District,
            ),
            (
                "Trần Thị Mai",
                "Hội Nông dân huyện Tháp Mười",
                OfficialLevel::District,
            ),
            ("Lê Văn Tâm", "UBND xã", OfficialLevel::Commune),
            ("Phạm Thị Hồng", "Ủy ban MTTQ xã", OfficialLevel::Commune),
        ]
    } else {
        &[
            ("Lê Văn Tâm", "UBND xã", OfficialLevel::Commune),
            ("Phạm Thị Hồng", "Ủy ban MTTQ xã", OfficialLevel::Commune),
            (
                "Võ Minh Khang",
                "Sở Nông nghiệp và Môi trường",
                OfficialLevel::Province,
            ),
        ]
    };
    let n = if rng.chance(45) { rng.range(1, 2) } else { 0 };
    let mut out: Vec<Official> = Vec::new();
    for _ in 0..n {
        let (name, office, level) = *rng.pick(pool);
        if out.iter().all(|o| o.name != name) {
            out.push(Official {
                name: name.to_string(),
                office: office.to_string(),
                level,
            });
        }
    }
    out
}

/// The records of the demo's clubs, in key order as the store lists them.
pub(super) fn club_records(
    orgs: &[Organization],
    members_2020: impl Fn(&str) -> i64,
) -> ClubRecords {
    let mut rng = Rng(0x686f_6971_7561_6e00); // "hoiquan"
    let mut clubs: Vec<&Organization> = orgs
        .iter()
        .filter(|o| o.kind == OrgKind::HoiQuan && o.code.as_str() != DUPLICATE)
        .collect();
    clubs.sort_by(|a, b| a.code.as_str().cmp(b.code.as_str()));
    let mut profiles = Vec::new();
    let mut meetings = Vec::new();
    let topics = MeetingTopic::all();
    for club in &clubs {
        profiles.push(ClubProfile {
            org: club.code.clone(),
            sequence_no: None,
            trade: rng.pick(&TRADES).to_string(),
            meetings_per_year: Some(12),
        });
        let members = members_2020(club.code.as_str()).max(20);
        for y in 2021..=2026 {
            for m in 1..=12u8 {
                if (y, m) > (2026, 11) || rng.chance(12) {
                    continue;
                }
                let held_on = date(y, m, rng.range(3, 27) as u8);
                if held_on < club.founded_on {
                    continue;
                }
                // technique and markets most months, the rest now and then
                let topic = if rng.chance(60) {
                    if rng.chance(55) {
                        MeetingTopic::Technique
                    } else {
                        MeetingTopic::Market
                    }
                } else {
                    *rng.pick(topics)
                };
                meetings.push(Meeting {
                    org: club.code.clone(),
                    held_on,
                    topic,
                    attendance: Some(members * rng.range(55, 90) / 100),
                    officials: officials_on(&mut rng, y, m),
                    outcome: String::new(),
                });
            }
        }
    }
    let mut origins: Vec<OrgOrigin> = GROWN
        .iter()
        .filter_map(|(name, club, founders)| {
            let htx = orgs.iter().find(|o| o.name == *name)?;
            Some(OrgOrigin {
                org: htx.code.clone(),
                from: hoptac_core::OrgCode::parse(club)?,
                from_kind: OrgKind::HoiQuan,
                founding_members: Some(*founders),
            })
        })
        .collect();
    origins.sort_by(|a, b| a.org.as_str().cmp(b.org.as_str()));
    ClubRecords {
        profiles,
        meetings,
        origins,
    }
}
