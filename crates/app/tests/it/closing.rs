//! Closing the demo's plan after the reform: the former Tháp Mười district's targets on its
//! ground (now six new communes), each target's figures by those communes adding up to the
//! whole, and the draft of the next plan for one new commune.

use crate::{app, sys};
use hoptac_core::Fixed;
use hoptac_demo::plan::PLAN_CODE;

fn sum(v: impl Iterator<Item = Option<Fixed>>) -> Fixed {
    v.map(|x| x.unwrap()).fold(Fixed::ZERO, |a, b| {
        Fixed::from_micros(a.micros() + b.micros())
    })
}

#[tokio::test]
async fn the_final_assessment_counts_the_former_district_on_its_six_new_communes() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let c = a.plan_closing(&sys(), PLAN_CODE).await.unwrap();
    let mut codes: Vec<&str> = c.units.iter().map(|u| u.code.as_str()).collect();
    codes.sort();
    assert_eq!(
        codes,
        ["30037", "30043", "30046", "30055", "30061", "30073"]
    );
    assert!(
        c.territory.contains("Huyện Tháp Mười (đến 30/06/2025)"),
        "{}",
        c.territory
    );
    assert!(c.territory.contains("6 đơn vị"));
    // members of HTX (a stock): the six communes' figures add up to the plan's, at both ends
    let p = c
        .progress
        .targets
        .iter()
        .find(|t| t.target.no == "2")
        .unwrap();
    let by = c.by_unit.iter().find(|b| b.no == "2").unwrap();
    assert_eq!(by.units.len(), 6);
    assert_eq!(sum(by.units.iter().map(|u| u.base)), p.baseline.unwrap());
    assert_eq!(
        sum(by.units.iter().map(|u| u.latest)),
        p.latest.as_ref().unwrap().value.unwrap()
    );
    assert_eq!(
        p.baseline,
        Some(Fixed::from_int(2697)),
        "part A's baseline, unchanged"
    );
    let md = hoptac_core::report::render_md(&c.document());
    assert!(md.starts_with("# BÁO CÁO TỔNG KẾT THỰC HIỆN"), "{md}");
    assert!(
        md.contains("## 4. Kết quả theo đơn vị hành chính hiện nay"),
        "{md}"
    );
    assert!(md.contains("Tăng nhiều nhất: Xã"), "{md}");
}

#[tokio::test]
async fn the_next_plan_is_drafted_for_a_new_commune_and_saved_once() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let closing = a.plan_closing(&sys(), PLAN_CODE).await.unwrap();
    let d = a
        .next_plan_draft(&sys(), PLAN_CODE, "30061", (2026, 2030))
        .await
        .unwrap();
    assert_eq!(d.plan.scope, "30061");
    assert_eq!(
        (d.plan.from, d.plan.to, d.plan.baseline_year),
        (2026, 2030, 2025)
    );
    assert_eq!(d.plan.targets.len(), closing.progress.targets.len());
    // the baseline of HTX members is the new commune's own figure of 2025 (old Tân Kiều and
    // old Đốc Binh Kiều), the same the final assessment shows for it
    let members = d.proposals.iter().find(|p| p.target.no == "2").unwrap();
    let dbk = closing
        .by_unit
        .iter()
        .find(|b| b.no == "2")
        .unwrap()
        .units
        .iter()
        .find(|u| u.code == "30061")
        .unwrap();
    assert_eq!(members.baseline, dbk.latest);
    assert!(d.plan.targets.iter().all(|t| t.note.starts_with("ĐỀ XUẤT")));
    let md = hoptac_core::report::render_md(&d.document());
    assert!(md.contains("không phải văn bản đã ban hành"), "{md}");
    assert!(md.contains("Xã Đốc Binh Kiều"), "{md}");

    // a viewer drafts (a read) but does not store
    let s = a
        .login("xem", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let viewer = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    assert!(
        a.save_next_plan(&viewer, PLAN_CODE, "30061", (2026, 2030))
            .await
            .is_err()
    );
    assert_eq!(a.store().plans().await.unwrap().len(), 1);
    let saved = a
        .save_next_plan(&sys(), PLAN_CODE, "30061", (2026, 2030))
        .await
        .unwrap();
    let stored = a.plan(&sys(), &saved.code).await.unwrap();
    assert_eq!(stored.targets.len(), d.plan.targets.len());
    // once: the office's edits of the stored draft are never overwritten
    assert!(
        a.save_next_plan(&sys(), PLAN_CODE, "30061", (2026, 2030))
            .await
            .is_err()
    );
}
