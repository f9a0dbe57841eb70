//! The demo's training courses, ILLUSTRATIVE DATA: the courses the managers' training days
//! come from. Every manager with a training day attended a course that ended that day, so
//! `training.managers_trained_pct` (from the attendance) equals `htx.managers.trained_pct`
//! (from the managers' rows) — target 7b measured both ways. A few farmers of the clubs
//! attend by name only. Courses until 30/06/2025 are the district's (Phòng NN-PTNT huyện
//! Tháp Mười); from the reform of 1 July 2025, the province's (unit 82).
//!
//! A separate random stream, so adding these never moves the figures the plan's statistics
//! are built from.

use super::kit::Rng;
use super::people::{GIVEN_M as GIVEN, person};
use hoptac_core::Date;
use hoptac_core::model::{AdminUnit, Attendee, Course, Manager, TrainingRecords};
use hoptac_core::types::CourseLevel;
use std::collections::BTreeMap;

/// (title, kind): what the courses of Tháp Mười taught.
const TOPICS: [(&str, CourseLevel); 5] = [
    ("Bồi dưỡng quản trị hợp tác xã", CourseLevel::Refresher),
    ("Tập huấn kế toán hợp tác xã", CourseLevel::Workshop),
    (
        "Tập huấn liên kết sản xuất, tiêu thụ nông sản",
        CourseLevel::Workshop,
    ),
    (
        "Sơ cấp quản lý hợp tác xã nông nghiệp",
        CourseLevel::Elementary,
    ),
    (
        "Tập huấn chuyển đổi số cho hợp tác xã",
        CourseLevel::Workshop,
    ),
];

const REFORM: (i32, u8, u8) = (2025, 7, 1);

/// Attendance names a person by name within their organisation, so two people of one
/// organisation must not share a name: the generator's rare twins get the next given name.
/// (A real cooperative with two people of one name writes them apart, e.g. "… (con)".)
fn distinct_names(managers: &mut [Manager]) {
    use std::collections::{HashMap, HashSet};
    // rows of one person (the same name in the same role, before and after a renewal)
    // stay one person; another role with the same name is a twin
    let mut taken: HashMap<(String, String), hoptac_core::types::Role> = HashMap::new();
    let mut used: HashSet<(String, String)> = HashSet::new();
    for m in managers.iter_mut() {
        let key = |n: &str| (m.org.to_string(), hoptac_core::text::fold(n));
        match taken.get(&key(&m.full_name)) {
            Some(role) if *role != m.role => {
                let mut i = 0;
                let base = m.full_name.clone();
                while used.contains(&key(&m.full_name)) {
                    let (head, _) = base.rsplit_once(' ').unwrap_or(("", &base));
                    m.full_name = format!("{head} {}", GIVEN[i % GIVEN.len()]);
                    i += 1;
                }
            }
            _ => {}
        }
        taken.entry(key(&m.full_name)).or_insert(m.role);
        used.insert(key(&m.full_name));
    }
}

/// Makes every training day one a manager could attend while in office (never before they
/// took office, never after they left), then writes the courses those days end.
pub(super) fn training_records(managers: &mut [Manager], units: &[AdminUnit]) -> TrainingRecords {
    let mut rng = Rng(0x7A1_2026);
    distinct_names(managers);
    for m in managers.iter_mut() {
        if let (Some(t), Some(from)) = (m.trained_on, m.from)
            && t < from
        {
            m.trained_on = Some(from);
        }
        if let (Some(t), Some(to)) = (m.trained_on, m.to)
            && t > to
        {
            m.trained_on = None;
        }
    }
    let unit = |d: Date, code: &str| {
        (units.iter())
            .find(|u| u.code == code && u.valid_on(d))
            .map(|u| u.id)
    };
    let reform = hoptac_core::date::ymd(REFORM.0, REFORM.1, REFORM.2).expect("date");
    // one course a training day, in date order: its people are those trained that day
    let mut days: BTreeMap<Date, Vec<&Manager>> = BTreeMap::new();
    for m in managers.iter() {
        if let Some(t) = m.trained_on {
            days.entry(t).or_default().push(m);
        }
    }
    let mut out = TrainingRecords::default();
    for (n, (day, people)) in days.into_iter().enumerate() {
        let (title, level) = TOPICS[n % TOPICS.len()];
        let (unit, organiser, funding) = if day < reform {
            (
                unit(day, "872"),
                "Phòng Nông nghiệp và PTNT huyện Tháp Mười",
                *rng.pick(&["Ngân sách huyện", "Ngân sách tỉnh", "Liên minh HTX tỉnh"]),
            )
        } else {
            (
                unit(day, "82"),
                "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp",
                *rng.pick(&["Ngân sách tỉnh", "Liên minh HTX tỉnh"]),
            )
        };
        let Some(unit) = unit else { continue };
        // a course ends on the training day, after one to three days
        let days_long = rng.range(0, 2) as usize;
        let starts_on = (0..days_long).fold(day, |d, _| {
            let p = d.previous_day().expect("date");
            // never before the first of its people took office
            if people.iter().any(|m| m.from.is_some_and(|f| p < f)) {
                d
            } else {
                p
            }
        });
        let code = format!("TM-{}-{:03}", day.year(), n + 1);
        // one person once a course (a name and an organisation), as an import reads it
        let mut seen = std::collections::HashSet::new();
        let mut list: Vec<Attendee> = people
            .iter()
            .map(|m| Attendee {
                course: code.clone(),
                full_name: m.full_name.clone(),
                org: Some(m.org.clone()),
            })
            .collect();
        for _ in 0..rng.range(0, 4) {
            list.push(Attendee {
                course: code.clone(),
                full_name: person(&mut rng),
                org: None,
            });
        }
        list.retain(|a| seen.insert((hoptac_core::text::fold(&a.full_name), a.org.clone())));
        out.attendees.extend(list);
        out.courses.push(Course {
            code,
            title: format!("{title} năm {}", day.year()),
            level,
            organiser: organiser.into(),
            unit,
            starts_on,
            ends_on: day,
            funding: funding.into(),
        });
    }
    out.courses.sort_by(|a, b| a.code.cmp(&b.code));
    out.attendees.sort_by(|a, b| a.course.cmp(&b.course));
    out
}
