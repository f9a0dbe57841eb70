//! Accounts, registered services, evaluations and classifications of the demo.

use super::figures::AGRI_SERVICES;
use super::kit::*;
use hoptac_core::model::Organization;
use hoptac_core::types::*;
use hoptac_core::{Fixed, Snapshot};
use std::collections::BTreeSet;

/// The password of every demo account (documented in the README; demo only).
pub const DEMO_PASSWORD: &str = "hoptac-demo";

/// One account per role, for trying the demo: `(account, password)`.
pub fn demo_accounts() -> Vec<(hoptac_core::auth::Account, &'static str)> {
    use hoptac_app::seed::{DISTRICT_ID, PROVINCE_ID, commune_id};
    use hoptac_core::auth::{Account, Role, Scope};
    let a = |username: &str, display: &str, role, scope| Account {
        username: username.into(),
        display_name: display.into(),
        role,
        scope,
        must_change_password: false,
        disabled: false,
    };
    vec![
        (
            a(
                "quantri",
                "Quản trị tỉnh (minh họa)",
                Role::Admin,
                Scope::Unit(PROVINCE_ID),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "canbo",
                "Cán bộ Phòng NN-PTNT huyện (minh họa)",
                Role::Staff,
                Scope::Unit(DISTRICT_ID),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "xa.tankieu",
                "Cán bộ xã Tân Kiều (minh họa)",
                Role::Commune,
                Scope::Unit(commune_id("30049")),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "htx.tankieu",
                "HTX DVNN Tân Kiều (minh họa)",
                Role::Org,
                Scope::Org(OrgCode::parse("HTX-TM-07").expect("code")),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "xem",
                "Mặt trận Tổ quốc huyện (chỉ xem, minh họa)",
                Role::Viewer,
                Scope::Unit(DISTRICT_ID),
            ),
            DEMO_PASSWORD,
        ),
    ]
}

/// The services each organisation is registered for: agricultural cooperatives registered
/// many ("đăng ký đa dịch vụ", as the plan says), the others what they do.
pub fn registered_services(orgs: &[Organization]) -> Vec<(OrgCode, BTreeSet<Service>)> {
    orgs.iter()
        .filter_map(|o| {
            let set: BTreeSet<Service> = match (o.kind, o.sector) {
                (OrgKind::Htx, Sector::Agriculture) => AGRI_SERVICES.iter().copied().collect(),
                (OrgKind::Htx, Sector::Transport) => [Service::Transport].into(),
                (OrgKind::Htx, Sector::Aquaculture) => {
                    [Service::InputSupply, Service::ProductSales].into()
                }
                (OrgKind::Htx, Sector::Handicraft) => [Service::ProductSales].into(),
                (OrgKind::Tht, Sector::Agriculture) => {
                    [Service::Irrigation, Service::PlantProtection].into()
                }
                _ => return None,
            };
            Some((o.code.clone(), set))
        })
        .collect()
}

/// Evaluations of the demo cooperatives for 2020–2025, run through the workflow's own rules:
/// sheets sent on the date the yearly report records (Phước Tiến's 2025 one never was: a
/// draft), 2020–2024 approved, 2025 part submitted, part reviewed (one line adjusted with a
/// reason), a spread of ratings. Scores are invented, like the rest of the demo.
pub fn demo_evaluations(s: &Snapshot) -> Vec<hoptac_store::StoredEvaluation> {
    use hoptac_core::evaluation::{Evaluation, Step};
    let r = hoptac_core::rubric::Rubric::tt01_2020();
    let mut out = Vec::new();
    // by code: a national synthetic register has 115.000 organisations
    let orgs: std::collections::HashMap<_, _> = s.orgs.iter().map(|o| (&o.code, o)).collect();
    for rep in s
        .reports
        .iter()
        .filter(|x| (2020..=2025).contains(&x.year.get()))
    {
        let Some(&o) = orgs.get(&rep.org) else {
            continue;
        };
        let year = rep.year.get();
        if hoptac_app::evaluation::exclusion(o, year, Some(rep)).is_some() {
            continue;
        }
        // a share of each line's maximum, from 40 % to 95 %, higher for a profitable year
        let mut rng = Rng(o.code.as_str().bytes().fold(year as u64, |a, b| {
            a.wrapping_mul(131).wrapping_add(b as u64)
        }));
        let h = rng.next();
        let profitable = rep.figures.profit.is_some_and(|p| p.is_positive());
        let pct = 40 + (h % 45) as i64 + if profitable { 10 } else { 0 };
        let mut e = Evaluation::new(&r);
        for i in r.items().into_iter().filter(|i| i.children.is_empty()) {
            // group III's lines have no confirmed maxima: 6 of its 40 points each at most
            let max = i.max.unwrap_or(Fixed::from_int(6)).micros();
            // to the half point below
            let half = 500_000;
            let score = (max * pct / 100) / half * half;
            e.apply(
                &r,
                Step::SelfScore {
                    item: i.id.clone(),
                    score: Fixed::from_micros(score),
                },
            )
            .expect("demo score within its maximum");
        }
        if let Some(on) = rep.figures.self_assessment_sent_on {
            e.apply(&r, Step::Submit { on }).expect("complete sheet");
            let reviewed = year < 2025 || h.is_multiple_of(3) || o.name == "HTX DVNN Mỹ Quý";
            if reviewed {
                if year == 2025 && o.name == "HTX DVNN Mỹ Quý" {
                    e.apply(
                        &r,
                        Step::Adjust {
                            item: "TC5".into(),
                            score: Fixed::from_int(2),
                            reason: "Chưa nộp báo cáo tài chính năm 2024 đúng hạn".into(),
                        },
                    )
                    .expect("demo adjustment");
                }
                e.apply(&r, Step::Review).expect("review");
            }
            if year < 2025 {
                e.apply(&r, Step::Approve).expect("approve");
            }
        }
        out.push(hoptac_store::StoredEvaluation {
            org: o.code.clone(),
            year,
            evaluation: e,
        });
    }
    // one agricultural sheet by TT09/2017 in progress: Mỹ Quý scored its revenue line a band
    // higher than its figures give, which the sheet page flags
    let tt09 = hoptac_core::rubric::Rubric::tt09_2017();
    if let Some(rep) = s.reports.iter().find(|r| {
        r.year.get() == 2025
            && s.orgs
                .iter()
                .any(|o| o.code == r.org && o.name == "HTX DVNN Mỹ Quý")
    }) {
        let proposed = hoptac_core::evaluation::propose(&tt09, &rep.figures)
            .into_iter()
            .find(|p| p.item == "1.2")
            .and_then(|p| p.points)
            .unwrap_or(Fixed::ZERO);
        let claimed = if proposed >= Fixed::from_int(10) {
            Fixed::from_int(8)
        } else {
            proposed.checked_add(Fixed::from_int(2)).expect("small")
        };
        let mut e = Evaluation::new(&tt09);
        for (item, score) in [("1.1", Fixed::from_int(4)), ("1.2", claimed)] {
            e.apply(
                &tt09,
                Step::SelfScore {
                    item: item.into(),
                    score,
                },
            )
            .expect("demo TT09 score");
        }
        out.push(hoptac_store::StoredEvaluation {
            org: rep.org.clone(),
            year: 2025,
            evaluation: e,
        });
    }
    out
}

/// The demo's 2025 classification axes, as an office would have entered them from the
/// cooperatives' sheets (illustrative): agricultural service cooperatives supply their
/// members' production (VSIC A, rice growing); the aquaculture one its fish farmers; the
/// transport ones are left to enter. Capital is illustrative too (0,8 × the year's revenue).
pub fn demo_classifications(s: &Snapshot) -> Vec<hoptac_store::StoredClassification> {
    use hoptac_core::evaluation::classification::{AgriField, Classification, SupplyType};
    s.reports
        .iter()
        .filter(|r| r.year.get() == 2025)
        .filter_map(|r| {
            let o = s.orgs.iter().find(|o| o.code == r.org)?;
            let field = match (o.kind, o.sector) {
                (OrgKind::Htx, Sector::Agriculture) => AgriField::Crops,
                (OrgKind::Htx, Sector::Aquaculture) => AgriField::Aquaculture,
                _ => return None,
            };
            let capital = r
                .figures
                .revenue
                .and_then(|v| Fixed::ratio(v.micros() as i128 * 8, 10 * 1_000_000, 0));
            Some(hoptac_store::StoredClassification {
                org: o.code.clone(),
                year: 2025,
                axes: Classification {
                    supply: Some(SupplyType::Production),
                    vsic: Some('A'),
                    capital,
                    agri_field: Some(field),
                },
            })
        })
        .collect()
}
