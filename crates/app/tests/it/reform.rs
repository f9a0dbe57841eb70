//! Statistics across the 2025 reform, on a real file: the new Xã Đốc Binh Kiều (30061, a
//! reused code) was formed from old Tân Kiều and old Đốc Binh Kiều; `stats --scope 30061`
//! over 2020–2025 compares it with that same ground in 2020 and says so.

use super::sys;
use hoptac_app::App;
use hoptac_app::seed::commune_id;
use hoptac_core::Fixed;
use hoptac_core::date::ymd;
use hoptac_core::indicator::find;
use hoptac_core::model::{AdminUnit, Organization, UnitId};
use hoptac_core::territory::{ChangeKind, UnitChange};
use hoptac_core::types::{AdminLevel, OrgCode, OrgKind, Sector};
use hoptac_store::{ChangeSet, Changes, SqliteStore};
use std::sync::Arc;

fn org(code: &str, commune: UnitId, founded: (i32, u8, u8)) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind: OrgKind::Htx,
        name: format!("HTX {code}"),
        sector: Sector::Agriculture,
        commune,
        founded_on: ymd(founded.0, founded.1, founded.2).unwrap(),
        dissolved_on: None,
        registration_no: None,
    }
}

async fn reformed() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(SqliteStore::open(&dir.path().join("t.db")).await.unwrap());
    let app = App::new(store.clone());
    app.ensure_seed().await.unwrap();
    let from = ymd(2025, 7, 1).unwrap();
    let province = UnitId(1000);
    let new_dbk = UnitId(1001);
    let change = |old: &str| UnitChange {
        old: commune_id(old),
        new: new_dbk,
        on: from,
        kind: ChangeKind::Full,
        basis: "NQ 1663/NQ-UBTVQH15".into(),
    };
    store
        .apply(&ChangeSet {
            units: vec![
                AdminUnit {
                    id: province,
                    code: "82".into(),
                    name: "Tỉnh Đồng Tháp".into(),
                    level: AdminLevel::Province,
                    parent: None,
                    valid_from: Some(from),
                    valid_to: None,
                },
                AdminUnit {
                    id: new_dbk,
                    code: "30061".into(),
                    name: "Xã Đốc Binh Kiều".into(),
                    level: AdminLevel::Commune,
                    parent: Some(province),
                    valid_from: Some(from),
                    valid_to: None,
                },
            ],
            unit_changes: vec![change("30049"), change("30061")],
            orgs: vec![
                org("HTX-TK", commune_id("30049"), (2015, 3, 1)),
                org("HTX-DBK", commune_id("30061"), (2016, 5, 1)),
                org("HTX-MY", commune_id("30064"), (2016, 5, 1)),
                // founded after the reform, in the new commune
                org("HTX-NEW", new_dbk, (2026, 2, 1)),
            ],
            ..Default::default()
        })
        .await
        .unwrap();
    (app, dir)
}

fn active(s: &hoptac_app::Stats) -> (Option<Fixed>, Option<Fixed>) {
    let v = find(&s.indicators, "htx.active").unwrap();
    (v.base, v.value)
}

#[tokio::test]
async fn a_new_commune_is_compared_with_the_ground_it_was_formed_from() {
    let (app, _dir) = reformed().await;
    let s = app.stats(&sys(), 2020, 2025, Some("30061")).await.unwrap();
    // the 2020 base is old Tân Kiều plus old Đốc Binh Kiều, not old Đốc Binh Kiều alone
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(2)), Some(Fixed::from_int(2)))
    );
    let note = s
        .territory_note
        .expect("the answer crossed the reform")
        .vi();
    assert!(
        note.contains("Xã Tân Kiều") && note.contains("Xã Đốc Binh Kiều") && note.contains("2020"),
        "{note}"
    );
    let s = app.stats(&sys(), 2020, 2026, Some("30061")).await.unwrap();
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(2)), Some(Fixed::from_int(3)))
    );
}

#[tokio::test]
async fn a_reused_code_is_the_unit_in_force_at_the_end_of_the_period() {
    let (app, _dir) = reformed().await;
    // before the reform 30061 is old Đốc Binh Kiều alone: no crossing, nothing to say
    let s = app.stats(&sys(), 2020, 2024, Some("30061")).await.unwrap();
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(1)), Some(Fixed::from_int(1)))
    );
    assert!(s.territory_note.is_none());
    // the abolished district answers for its former ground after it ended: what its
    // communes became (old Mỹ An has no successor in this register, so its cooperative is
    // in no ground after 30/06/2025; the review names such cases)
    let s = app.stats(&sys(), 2021, 2025, Some("872")).await.unwrap();
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(3)), Some(Fixed::from_int(2)))
    );
    assert!(s.territory_note.is_some());
}

#[tokio::test]
async fn units_are_listed_as_they_were_on_a_date() {
    let (app, _dir) = reformed().await;
    let on = |y, m, d| ymd(y, m, d);
    let codes = |rows: Vec<hoptac_app::UnitRow>| -> Vec<String> {
        rows.into_iter().map(|r| r.code).collect()
    };
    let after = app
        .units_at(
            &sys(),
            on(2026, 1, 1),
            Some("82"),
            Some(AdminLevel::Commune),
        )
        .await
        .unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].name, "Xã Đốc Binh Kiều");
    assert_eq!(after[0].parent_code.as_deref(), Some("82"));
    assert_eq!(after[0].valid_from.as_deref(), Some("2025-07-01"));
    let before = app
        .units_at(
            &sys(),
            on(2025, 6, 30),
            Some("87"),
            Some(AdminLevel::Commune),
        )
        .await
        .unwrap();
    assert_eq!(before.len(), 13);
    assert!(
        before
            .iter()
            .all(|r| r.valid_to.as_deref() == Some("2025-06-30"))
    );
    // under 87 at any depth: the district, then its communes
    let all = app
        .units_at(&sys(), on(2020, 1, 1), Some("87"), None)
        .await
        .unwrap();
    assert_eq!(codes(all)[0], "872");
    // "82" before the reform is not yet in force: nothing listed below it then
    let none = app
        .units_at(&sys(), on(2020, 1, 1), Some("82"), None)
        .await
        .unwrap();
    assert!(none.is_empty());
}

/// Old Mỹ An ended on 30/06/2025 with no successor recorded in this register: its
/// cooperative is in no commune now, and the review says so until the office places it.
#[tokio::test]
async fn the_review_lists_what_is_not_placed_after_the_reform() {
    let (app, _dir) = reformed().await;
    let as_of = ymd(2025, 12, 31).unwrap();
    let r = app.check(&sys(), as_of, None).await.unwrap();
    let codes: Vec<&str> = r.unplaced.iter().map(|u| u.org.as_str()).collect();
    assert_eq!(codes, ["HTX-MY"]);
    assert_eq!(r.unplaced[0].commune, "Xã Mỹ An");
    assert!(r.unplaced[0].candidates.is_empty());
    let district = app.check(&sys(), as_of, Some("872")).await.unwrap();
    assert_eq!(district.unplaced.len(), 1);
    // before the reform everything has its commune
    let before = app
        .check(&sys(), ymd(2024, 12, 31).unwrap(), None)
        .await
        .unwrap();
    assert!(before.unplaced.is_empty());
}
