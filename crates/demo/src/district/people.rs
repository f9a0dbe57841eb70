//! Managers with generated Vietnamese names.

use super::kit::*;
use hoptac_core::Date;
use hoptac_core::model::Manager;
use hoptac_core::types::*;

pub(super) const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
];

pub(super) const MIDDLE_M: [&str; 5] = ["Văn", "Minh", "Thanh", "Hữu", "Công"];

pub(super) const MIDDLE_F: [&str; 4] = ["Thị", "Ngọc", "Thanh", "Kim"];

pub(super) const GIVEN_M: [&str; 14] = [
    "An", "Bình", "Cường", "Dũng", "Hùng", "Phúc", "Tâm", "Thành", "Tuấn", "Sơn", "Long", "Hải",
    "Nam", "Trí",
];

pub(super) const GIVEN_F: [&str; 8] = ["Lan", "Mai", "Hoa", "Hạnh", "Thảo", "Nga", "Hương", "Yến"];

pub(super) fn person(rng: &mut Rng) -> String {
    if rng.chance(30) {
        format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE_F),
            rng.pick(&GIVEN_F)
        )
    } else {
        format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE_M),
            rng.pick(&GIVEN_M)
        )
    }
}

pub(super) fn qualification(rng: &mut Rng, professional_pct: u64) -> Qualification {
    if rng.chance(professional_pct) {
        *rng.pick(&[
            Qualification::Intermediate,
            Qualification::Intermediate,
            Qualification::College,
            Qualification::University,
        ])
    } else {
        *rng.pick(&[
            Qualification::None,
            Qualification::Elementary,
            Qualification::Elementary,
        ])
    }
}

pub(super) fn trained(rng: &mut Rng, from: Date) -> Option<Date> {
    let lo = from.year().max(2012) as i64;
    if rng.chance(72) {
        let y = rng.range(lo, LAST_YEAR as i64) as i32;
        Some(date(y, rng.range(3, 11) as u8, rng.range(1, 28) as u8))
    } else {
        None
    }
}

pub(super) fn managers(plans: &[Plan], rng: &mut Rng) -> Vec<Manager> {
    let mut out = Vec::new();
    for p in plans {
        let start = p.org.founded_on;
        let end = p.org.dissolved_on;
        let roles: &[Role] = if p.org.kind == OrgKind::Htx {
            &[Role::Chair, Role::Accountant, Role::Controller]
        } else {
            &[Role::Chair]
        };
        for role in roles {
            let pct = if p.org.kind == OrgKind::Htx { 30 } else { 8 };
            let m = Manager {
                org: p.org.code.clone(),
                full_name: person(rng),
                role: *role,
                qualification: Some(qualification(rng, pct)),
                trained_on: trained(rng, start),
                from: Some(start),
                to: end,
            };
            // cooperatives renew part of their boards after 2021 with trained, qualified people
            if p.org.kind == OrgKind::Htx && end.is_none() && start.year() < 2021 && rng.chance(35)
            {
                let change = date(rng.range(2021, 2024) as i32, 7, 1);
                let prev_end = change.previous_day().expect("date");
                out.push(Manager {
                    to: Some(prev_end),
                    trained_on: m.trained_on.filter(|t| *t <= prev_end),
                    ..m.clone()
                });
                out.push(Manager {
                    full_name: person(rng),
                    qualification: Some(qualification(rng, 75)),
                    trained_on: Some(date(change.year(), 10, 15)),
                    from: Some(change),
                    ..m
                });
            } else {
                out.push(m);
            }
        }
    }
    out
}
