//! The training sheets: courses (their unit a reference to resolve at the start) and the
//! attendance. Whether a person belongs to the organisation named, and who may write the
//! course, is the import's business.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{CourseInput, Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::model::Attendee;
use hoptac_core::text::fold;
use hoptac_core::types::CourseLevel;
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_courses(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let title = r.text("title");
        let title = r.required("title", title);
        let level = r.enumerated::<CourseLevel>("level");
        let level = r.required("level", level);
        let organiser = r.text("organiser");
        let organiser = r.required("organiser", organiser);
        let unit = r.text("unit");
        let unit = r.required("unit", unit);
        let starts_on = r.date("starts_on");
        let starts_on = r.required("starts_on", starts_on);
        let ends_on = r.date("ends_on");
        let ends_on = r.required("ends_on", ends_on);
        let funding = r.text("funding").unwrap_or_default();
        let failed = r.failed;
        let (Some(code), Some(title), Some(level), Some(organiser), Some(unit)) =
            (code, title, level, organiser, unit)
        else {
            continue;
        };
        let (Some(starts_on), Some(ends_on), false) = (starts_on, ends_on, failed) else {
            continue;
        };
        let col = column(l, "code");
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &col,
            &mut out.problems,
        ) {
            out.courses.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: CourseInput {
                    code,
                    title,
                    level,
                    organiser,
                    unit,
                    starts_on,
                    ends_on,
                    funding,
                },
            });
        }
    }
}

pub(super) fn parse_attendance(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let course = r.text("course_code");
        let course = r.required("course_code", course);
        let name = r.text("full_name");
        let full_name = r.required("full_name", name);
        let org = r.text("org_code").map(|_| r.org_code("org_code"));
        let failed = r.failed;
        let (Some(course), Some(full_name), false) = (course, full_name, failed) else {
            continue;
        };
        let org = match org {
            Some(None) => continue,
            Some(Some(o)) => Some(o),
            None => None,
        };
        // one person once a course: by folded name and organisation
        let key = format!(
            "{course} / {} / {}",
            fold(&full_name),
            org.as_ref().map(|o| o.as_str()).unwrap_or("")
        );
        let col = column(l, "full_name");
        if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
            out.attendees.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Attendee {
                    course,
                    full_name,
                    org,
                },
            });
        }
    }
}
