//! The training sheets of a file: courses (their unit resolved at the start) and who
//! attended, checked by the rules of the course form. A course's attendees are stored as
//! one list: a file adds its people to the list kept, and a course whose new dates would
//! leave a kept attendee out of their organisation is refused on the course's row.

use crate::context::find_unit;
use crate::import::draft::{Draft, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::model::{Attendee, Course, Manager};
use hoptac_core::text::fold;
use hoptac_core::training::{attendee_problems, course_problems};
use hoptac_exchange::columns::{TRAINING_ATTENDANCE, TRAINING_COURSES};
use std::collections::HashMap;

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const COURSES: usize = 12;
const ATTENDANCE: usize = 13;

/// A person's identity within a course: folded name and organisation.
fn person(a: &Attendee) -> (String, Option<&str>) {
    (fold(&a.full_name), a.org.as_ref().map(|o| o.as_str()))
}

/// The people of the organisations the file's attendance names: stored and the file's.
fn people<'a>(g: &'a Ground<'_>) -> HashMap<&'a str, Vec<&'a Manager>> {
    let named: std::collections::HashSet<&str> = (g.parsed.attendees.iter())
        .filter_map(|l| l.value.org.as_ref().map(|o| o.as_str()))
        .collect();
    let mut out: HashMap<&str, Vec<&Manager>> = HashMap::new();
    let file = g.parsed.managers.iter().map(|l| &l.value);
    for m in g.db.managers.iter().chain(file) {
        if named.contains(m.org.as_str()) {
            out.entry(m.org.as_str()).or_default().push(m);
        }
    }
    out
}

pub(super) fn courses(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.courses {
        let c = &l.value;
        let unit = match find_unit(&g.units, &c.unit, Some(c.starts_on)) {
            Ok(u) => u.id,
            Err(crate::error::AppError::Invalid { msg, .. }) => {
                d.problems.push(located_err(
                    l,
                    &TRAINING_COURSES,
                    "unit",
                    c.unit.clone(),
                    msg,
                ));
                continue;
            }
            Err(_) => continue,
        };
        let course = Course {
            code: c.code.trim().to_string(),
            title: c.title.trim().to_string(),
            level: c.level,
            organiser: c.organiser.trim().to_string(),
            unit,
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            funding: c.funding.trim().to_string(),
        };
        let problems = course_problems(&course);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &TRAINING_COURSES, f, v, msg));
            }
            continue;
        }
        let stored = g.db.training.course(&course.code);
        if let Some(old) = stored
            && (old.starts_on, old.ends_on) != (course.starts_on, course.ends_on)
        {
            // the people kept on its list must still have been the organisation's then
            let managers = |org: &hoptac_core::OrgCode| -> Vec<Manager> {
                (g.db.managers.iter())
                    .filter(|m| m.org == *org)
                    .cloned()
                    .collect()
            };
            let file_rows = |a: &Attendee| {
                (g.parsed.attendees.iter())
                    .any(|x| x.value.course == a.course && person(&x.value) == person(a))
            };
            for a in g.db.training.attendees_of(&course.code) {
                let Some(org) = &a.org else { continue };
                if file_rows(a) {
                    continue;
                }
                if !attendee_problems(&course, a, g.org_of(org), &managers(org)).is_empty() {
                    d.problems.push(located_err(
                        l,
                        &TRAINING_COURSES,
                        "starts_on",
                        hoptac_core::date::to_vi(course.starts_on),
                        hoptac_core::msg!(
                            "import.attendee_outside_new_dates",
                            name = a.full_name,
                            org = org
                        ),
                    ));
                    break;
                }
            }
        }
        if tally(&mut d.summary[COURSES], stored, &course) {
            d.changes.courses.push(course);
        }
    }
}

pub(super) fn attendance(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.attendees.is_empty() {
        return;
    }
    let people = people(g);
    let file_course = |code: &str| -> Option<Course> {
        (d.changes.courses.iter())
            .find(|c| c.code == code)
            .cloned()
            .or_else(|| g.db.training.course(code).cloned())
    };
    // each course's list as it will be: the stored one, then the file's new people
    let mut lists: Vec<(String, Vec<Attendee>, bool)> = Vec::new();
    for l in &g.parsed.attendees {
        let a = &l.value;
        let Some(course) = file_course(&a.course) else {
            if !g
                .parsed
                .courses
                .iter()
                .any(|c| c.value.code.trim() == a.course)
            {
                d.problems.push(located_err(
                    l,
                    &TRAINING_ATTENDANCE,
                    "course_code",
                    a.course.clone(),
                    hoptac_core::msg!("import.no_such_course", code = a.course),
                ));
            }
            continue;
        };
        let a = Attendee {
            full_name: a.full_name.trim().to_string(),
            ..a.clone()
        };
        let org = a.org.as_ref().and_then(|o| g.org_of(o));
        let of_org: Vec<Manager> = (a.org.as_ref())
            .and_then(|o| people.get(o.as_str()))
            .map(|v| v.iter().map(|m| (*m).clone()).collect())
            .unwrap_or_default();
        let problems = attendee_problems(&course, &a, org, &of_org);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &TRAINING_ATTENDANCE, f, v, msg));
            }
            continue;
        }
        let at = match lists.iter().position(|(c, _, _)| *c == a.course) {
            Some(i) => i,
            None => {
                let stored = g.db.training.attendees_of(&a.course).to_vec();
                lists.push((a.course.clone(), stored, false));
                lists.len() - 1
            }
        };
        let (_, list, changed) = &mut lists[at];
        let stored = list.iter().find(|x| person(x) == person(&a));
        if tally(&mut d.summary[ATTENDANCE], stored, &a) {
            match list.iter().position(|x| person(x) == person(&a)) {
                // the same person written anew (another spelling of the name)
                Some(i) => list[i] = a,
                None => list.push(a),
            }
            *changed = true;
        }
    }
    d.changes.course_attendees.extend(
        lists
            .into_iter()
            .filter(|(_, _, changed)| *changed)
            .map(|(c, list, _)| (c, list)),
    );
}
