//! Training records read back: the queries every adapter runs and their rows as core types.

use super::{Columns, code, enum_of, req_date, text};
use crate::port::error::Result;
use hoptac_core::OrgCode;
use hoptac_core::model::{Attendee, Course, UnitId};
use hoptac_core::types::CourseLevel;

pub const COURSES: &str = "SELECT code, title, level, organiser, unit_id, starts_on, ends_on, funding \
     FROM training_courses ORDER BY code";
pub const ATTENDEES: &str = "SELECT course_code, full_name, org_code FROM training_attendees \
     ORDER BY course_code, seq";

/// `code, title, level, organiser, unit_id, starts_on, ends_on, funding`
pub fn course(r: &impl Columns) -> Result<Course> {
    const T: &str = "training_courses";
    Ok(Course {
        code: text(r, 0, T)?,
        title: text(r, 1, T)?,
        level: enum_of(r, 2, T, CourseLevel::parse)?,
        organiser: text(r, 3, T)?,
        unit: UnitId(r.int(4)?.ok_or_else(|| super::corrupt(T, "no unit"))?),
        starts_on: req_date(r, 5, T, "start")?,
        ends_on: req_date(r, 6, T, "end")?,
        funding: text(r, 7, T)?,
    })
}

/// `course_code, full_name, org_code`
pub fn attendee(r: &impl Columns) -> Result<Attendee> {
    const T: &str = "training_attendees";
    Ok(Attendee {
        course: text(r, 0, T)?,
        full_name: text(r, 1, T)?,
        org: match r.text(2)? {
            None => None,
            Some(_) => Some(code(r, 2, T)?),
        },
    })
}

/// An attendee's organisation as bound: `None` for a person named only.
pub fn org_of(a: &Attendee) -> Option<&str> {
    a.org.as_ref().map(OrgCode::as_str)
}
