//! The sheets of Hội quán records: profiles, meetings (officials in one cell) and the
//! organisations founded from others. Whether a meeting lies in its club's life, and who may
//! write it, is the import's business: here a row is read and located.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, OriginInput, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::model::{ClubProfile, Meeting};
use hoptac_core::types::MeetingTopic;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_profiles(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let org = r.org_code("org_code");
        let sequence_no = r.integer("sequence_no");
        let trade = r.text("trade").unwrap_or_default();
        let meetings_per_year = r.integer("meetings_per_year");
        let failed = r.failed;
        let (Some(org), false) = (org, failed) else {
            continue;
        };
        let col = column(l, "org_code");
        if !duplicate(
            &mut seen,
            org.to_string(),
            *n,
            &sheet.name,
            &col,
            &mut out.problems,
        ) {
            out.club_profiles.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: ClubProfile {
                    org,
                    sequence_no,
                    trade,
                    meetings_per_year,
                },
            });
        }
    }
}

pub(super) fn parse_meetings(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let org = r.org_code("org_code");
        let held_on = r.date("held_on");
        let held_on = r.required("held_on", held_on);
        let topic = r.enumerated::<MeetingTopic>("topic");
        let topic = r.required("topic", topic);
        let attendance = r.integer("attendance");
        let officials = match r.text("officials") {
            None => Vec::new(),
            Some(t) => match hoptac_core::club::parse_officials(&t) {
                Ok(v) => v,
                Err((value, msg)) => {
                    r.push(Severity::Error, "officials", value, msg);
                    Vec::new()
                }
            },
        };
        let outcome = r.text("outcome").unwrap_or_default();
        let failed = r.failed;
        let (Some(org), Some(held_on), Some(topic), false) = (org, held_on, topic, failed) else {
            continue;
        };
        let key = format!("{org}/{}", hoptac_core::date::to_iso(held_on));
        let col = column(l, "held_on");
        if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
            out.meetings.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Meeting {
                    org,
                    held_on,
                    topic,
                    attendance,
                    officials,
                    outcome,
                },
            });
        }
    }
}

pub(super) fn parse_origins(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let org = r.org_code("org_code");
        let from = r.org_code("from_code");
        let founding_members = r.integer("founding_members");
        let failed = r.failed;
        let (Some(org), Some(from), false) = (org, from, failed) else {
            continue;
        };
        let col = column(l, "from_code");
        let key = format!("{org}/{from}");
        if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
            out.origins.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: OriginInput {
                    org,
                    from,
                    founding_members,
                },
            });
        }
    }
}
