//! The demo's support payments and propaganda events, 2021–2026, ILLUSTRATIVE DATA: the
//! amounts, days and texts are invented; the legal bases are real texts the offices of the
//! time paid under (NĐ 98/2018 for linkage, NĐ 113/2024 for training from its entry into
//! force), or the district plan itself. Until 30/06/2025 the district's offices pay and hold
//! events; from the reform of 1 July 2025, the province's.
//!
//! A separate random stream, so adding these never moves the figures the plan's statistics
//! are built from.

use super::kit::{Rng, date};
use hoptac_core::Date;
use hoptac_core::model::{AdminUnit, Disbursement, Event, Organization, SupportRecords};
use hoptac_core::types::{EventKind, OrgKind, Sector, SupportPolicy};

const PLAN: &str = "Kế hoạch phát triển KTTT giai đoạn 2021–2026 của UBND huyện Tháp Mười";

/// (kind, title, organiser before the reform): the events of a year.
const EVENTS: [(EventKind, &str, &str); 5] = [
    (
        EventKind::Conference,
        "Hội nghị tuyên truyền Luật Hợp tác xã và chính sách phát triển KTTT",
        "UBND huyện Tháp Mười",
    ),
    (
        EventKind::Bulletin,
        "Bản tin kinh tế hợp tác",
        "Phòng Nông nghiệp và PTNT huyện Tháp Mười",
    ),
    (
        EventKind::Broadcast,
        "Phóng sự: HTX kiểu mới gắn với chuỗi giá trị lúa gạo",
        "Trung tâm Văn hóa – Thể thao và Truyền thanh huyện",
    ),
    (
        EventKind::Fair,
        "Hội chợ nông sản và sản phẩm OCOP",
        "Phòng Kinh tế – Hạ tầng huyện Tháp Mười",
    ),
    (
        EventKind::Workshop,
        "Tọa đàm vận động thành lập HTX từ Hội quán",
        "Ủy ban MTTQ Việt Nam huyện Tháp Mười",
    ),
];

pub(super) fn support_records(orgs: &[Organization], units: &[AdminUnit]) -> SupportRecords {
    let mut rng = Rng(0x5u64 << 40 | 0x2026);
    let reform = date(2025, 7, 1);
    let unit = |d: Date, code: &str| {
        (units.iter())
            .find(|u| u.code == code && u.valid_on(d))
            .map(|u| u.id)
    };
    let mut events = Vec::new();
    for y in 2021..=2026 {
        for (n, (kind, title, organiser)) in EVENTS.iter().enumerate() {
            let held_on = date(y, 2 + 2 * n as u8, rng.range(3, 27) as u8);
            if held_on >= date(2026, 12, 1) {
                continue;
            }
            let (unit, organiser) = if held_on < reform {
                (unit(held_on, "872"), organiser.to_string())
            } else {
                (
                    unit(held_on, "82"),
                    "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp".to_string(),
                )
            };
            let Some(unit) = unit else { continue };
            let reach = match kind {
                EventKind::Bulletin => rng.range(300, 800),
                EventKind::Fair => rng.range(1_000, 5_000),
                EventKind::Broadcast => rng.range(2_000, 10_000),
                _ => rng.range(60, 250),
            };
            events.push(Event {
                code: format!("SK-{y}-{:02}", n + 1),
                kind: *kind,
                title: title.to_string(),
                held_on,
                organiser,
                unit,
                audience: "Cán bộ, đảng viên, thành viên HTX, THT, Hội quán và Nhân dân".into(),
                reach: (*kind != EventKind::Broadcast || rng.chance(50)).then_some(reach),
            });
        }
    }
    let mut paid = Vec::new();
    let active =
        |o: &Organization, d: Date| o.founded_on <= d && o.dissolved_on.is_none_or(|e| d <= e);
    let source = |d: Date| {
        if d < reform {
            "Ngân sách huyện"
        } else {
            "Ngân sách tỉnh"
        }
    };
    let mut push = |code: String, policy, basis: &str, org: &Organization, vnd: i64, on: Date| {
        paid.push(Disbursement {
            project: None,
            code,
            policy,
            legal_basis: basis.to_string(),
            decision: String::new(),
            org: org.code.clone(),
            amount_vnd: vnd,
            source: source(on).to_string(),
            paid_on: on,
        });
    };
    // a cooperative or group founded in the plan's years is helped with its founding
    for o in orgs
        .iter()
        .filter(|o| matches!(o.kind, OrgKind::Htx | OrgKind::Tht))
    {
        let y = o.founded_on.year();
        if !(2021..=2026).contains(&y) {
            continue;
        }
        let on = (0..rng.range(20, 90)).fold(o.founded_on, |d, _| d.next_day().expect("date"));
        if on >= date(2026, 12, 1) || !active(o, on) {
            continue;
        }
        let basis = if on < reform {
            PLAN
        } else {
            "Kế hoạch phát triển KTTT của UBND tỉnh Đồng Tháp"
        };
        let vnd = match o.kind {
            OrgKind::Htx => rng.range(15, 30) * 1_000_000,
            _ => rng.range(3, 8) * 1_000_000,
        };
        push(
            format!("HT-{y}-TL-{}", o.code),
            SupportPolicy::Founding,
            basis,
            o,
            vnd,
            on,
        );
    }
    // a few agricultural cooperatives a year lead a linkage and get its consultancy paid
    let farms: Vec<&Organization> = (orgs.iter())
        .filter(|o| o.kind == OrgKind::Htx && o.sector == Sector::Agriculture)
        .collect();
    for y in 2021..=2026 {
        for n in 0..2 {
            let on = date(y, 5 + 4 * n, rng.range(1, 28) as u8);
            let Some(o) = (0..10).map(|_| *rng.pick(&farms)).find(|o| active(o, on)) else {
                continue;
            };
            if on >= date(2026, 12, 1) {
                continue;
            }
            // odd đồng: the amounts are exact, not round millions
            let vnd = rng.range(80, 300) * 1_000_000 + rng.range(0, 999) * 1_000 + 500;
            let code = format!("HT-{y}-LK-{}", n + 1);
            push(code, SupportPolicy::Linkage, "NĐ 98/2018/NĐ-CP", o, vnd, on);
        }
    }
    // training support to cooperatives whose people attended, from NĐ 113/2024 on
    for y in 2025..=2026 {
        for (n, o) in farms
            .iter()
            .filter(|o| active(o, date(y, 10, 15)))
            .take(4)
            .enumerate()
        {
            let on = date(y, 10, 15);
            let code = format!("HT-{y}-DT-{}", n + 1);
            let vnd = rng.range(3, 8) * 1_000_000;
            push(
                code,
                SupportPolicy::Training,
                "NĐ 113/2024/NĐ-CP",
                o,
                vnd,
                on,
            );
        }
    }
    events.sort_by(|a, b| a.code.cmp(&b.code));
    paid.sort_by(|a, b| a.code.cmp(&b.code));
    SupportRecords {
        events,
        disbursements: paid,
    }
}
