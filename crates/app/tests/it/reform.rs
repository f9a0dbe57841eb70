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
use hoptac_core::types::{AdminLevel, OrgCode, OrgKind, Sector};
use hoptac_store::ChangeSet;

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

/// The seeded Tháp Mười register with the 2025 reform of `seed::thap_muoi_reform` (13 old
/// communes wholly into six new ones), one old commune of this test's own that ended with no
/// successor, and cooperatives in old Tân Kiều, old Đốc Binh Kiều, old Mỹ An, the ended
/// commune and (founded after the reform) the new Xã Đốc Binh Kiều.
async fn reformed() -> (App, hoptac_store_conformance::TestDb) {
    let (store, dir) = hoptac_store_conformance::TestDb::new().await;
    let app = App::new(store.clone());
    app.seed_thap_muoi().await.unwrap();
    let (mut units, unit_changes) = hoptac_app::seed::thap_muoi_reform(16);
    let new_dbk = units
        .iter()
        .find(|u| u.code == "30061" && u.valid_from.is_some())
        .unwrap()
        .id;
    let ended = UnitId(99);
    units.push(AdminUnit {
        id: ended,
        code: "39999".into(),
        name: "Xã Thử Nghiệm".into(),
        level: AdminLevel::Commune,
        parent: Some(hoptac_app::seed::DISTRICT_ID),
        valid_from: None,
        valid_to: ymd(2025, 6, 30),
    });
    store
        .apply(&ChangeSet {
            units,
            unit_changes,
            orgs: vec![
                org("HTX-TK", commune_id("30049"), (2015, 3, 1)),
                org("HTX-DBK", commune_id("30061"), (2016, 5, 1)),
                org("HTX-MY", commune_id("30064"), (2016, 5, 1)),
                org("HTX-END", ended, (2016, 5, 1)),
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
    // communes became (the test's ended commune has no successor, so its cooperative is in
    // no ground after 30/06/2025; the review names such cases)
    let s = app.stats(&sys(), 2021, 2025, Some("872")).await.unwrap();
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(4)), Some(Fixed::from_int(3)))
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
    let names: Vec<&str> = after.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Xã Tháp Mười",
            "Xã Phương Thịnh",
            "Xã Trường Xuân",
            "Xã Mỹ Quí",
            "Xã Đốc Binh Kiều",
            "Xã Thanh Mỹ"
        ]
    );
    assert!(
        after.iter().all(|r| r.parent_code.as_deref() == Some("82")
            && r.valid_from.as_deref() == Some("2025-07-01"))
    );
    let before = app
        .units_at(
            &sys(),
            on(2025, 6, 30),
            Some("87"),
            Some(AdminLevel::Commune),
        )
        .await
        .unwrap();
    assert_eq!(before.len(), 14, "13 communes and the test's own");
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

/// The test's own commune ended on 30/06/2025 with no successor recorded: its cooperative is
/// in no commune now, and the review says so until the office places it.
#[tokio::test]
async fn the_review_lists_what_is_not_placed_after_the_reform() {
    let (app, _dir) = reformed().await;
    let as_of = ymd(2025, 12, 31).unwrap();
    let r = app.check(&sys(), as_of, None).await.unwrap();
    let codes: Vec<&str> = r.unplaced.iter().map(|u| u.org.as_str()).collect();
    assert_eq!(codes, ["HTX-END"]);
    assert_eq!(r.unplaced[0].commune, "Xã Thử Nghiệm");
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

const NEW_UNITS: &str = "code,name,level,parent_code,valid_from,valid_to\n\
82,Tỉnh Đồng Tháp,province,,2025-07-01,\n\
30061,Xã Đốc Binh Kiều,commune,82,2025-07-01,\n\
30073,Xã Thanh Mỹ,commune,82,2025-07-01,\n";

const CHANGES: &str = "old_code,new_code,on,kind,basis\n\
30049,30061,2025-07-01,full,NQ 1663/NQ-UBTVQH15\n\
30061,30061,2025-07-01,full,NQ 1663/NQ-UBTVQH15\n\
30064,30061,01/07/2025,một phần,NQ 1663/NQ-UBTVQH15\n\
30064,30073,01/07/2025,partial,NQ 1663/NQ-UBTVQH15\n";

const ORGS: &str = "code,kind,name,sector,commune,founded_on\n\
TK1,HTX,HTX Tân Kiều Một,agriculture,30049,2015-03-01\n\
MA1,HTX,HTX Mỹ An Một,agriculture,30064,2016-03-01\n\
MA2,HTX,HTX Mỹ An Hai,agriculture,30064,2016-03-01\n";

/// A district's file with the reform in it: new units, how the old became them, and the
/// office's placement of one cooperative of the split commune.
#[tokio::test]
async fn a_file_with_the_reform_imports_and_counts_like_for_like() {
    let (app, _dir) = super::app().await;
    let book = super::csv(&[
        ("admin_units", NEW_UNITS),
        ("unit_changes", CHANGES),
        ("organizations", ORGS),
        (
            "Chuyển địa bàn",
            "Mã,Xã,Từ ngày,Lý do\nMA1,30073,2025-07-01,xếp vào xã mới sau chia tách\n",
        ),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:?}", o.problems);
    let s = app.stats(&sys(), 2020, 2025, Some("30073")).await.unwrap();
    // Thanh Mỹ in 2020: of old Mỹ An only the cooperative placed in it
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(1)), Some(Fixed::from_int(1)))
    );
    let s = app.stats(&sys(), 2020, 2025, Some("30061")).await.unwrap();
    // Đốc Binh Kiều: Tân Kiều whole; MA2 is not placed, so in neither new commune
    assert_eq!(
        active(&s),
        (Some(Fixed::from_int(1)), Some(Fixed::from_int(1)))
    );
    let review = app
        .check(&sys(), ymd(2025, 12, 31).unwrap(), None)
        .await
        .unwrap();
    let unplaced: Vec<&str> = review.unplaced.iter().map(|u| u.org.as_str()).collect();
    assert_eq!(unplaced, ["MA2"]);
    // the audit has each change and the move
    let again = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(again.changes(), 0, "a second import changes nothing");
    // export → import into a fresh database reproduces the history
    let bytes = app
        .export_xlsx(&sys(), hoptac_app::ExportHeaders::Vietnamese)
        .await
        .unwrap();
    let (fresh, _d2) = super::app().await;
    let back = fresh
        .import_book(
            &sys(),
            &hoptac_exchange::read::read_xlsx(&bytes).unwrap(),
            true,
        )
        .await
        .unwrap();
    assert!(back.applied, "{:?}", back.problems);
    let snap = fresh.snapshot().await.unwrap();
    assert_eq!((snap.changes.len(), snap.moves.len()), (4, 1));
}

#[tokio::test]
async fn a_history_that_contradicts_itself_is_refused_whole_row_by_row() {
    let (app, _dir) = super::app().await;
    let bad_changes = "old_code,new_code,on,kind\n\
30049,30061,2025-07-01,full\n\
30049,30073,2025-07-01,partial\n\
30061,30073,2026-01-01,full\n\
30099,30061,2025-07-01,full\n";
    let units = format!("{NEW_UNITS}30100,Xã Mới,commune,82,2025-07-01,\n");
    let book = super::csv(&[
        ("admin_units", units.as_str()),
        ("unit_changes", bad_changes),
        ("organizations", ORGS),
        (
            "organization_moves",
            "org_code,commune,moved_on\nTK1,30100,2024-01-01\nNOPE,30073,2025-07-01\n",
        ),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied);
    let at = |sheet: &str, row: u32| {
        o.problems
            .iter()
            .find(|p| p.sheet == sheet && p.row == Some(row) && p.is_error())
            .map(|p| (p.column.clone().unwrap_or_default(), p.msg.code()))
    };
    // full and partial from one old unit (and nothing else wrong in the file goes unsaid)
    assert_eq!(
        o.problems.iter().filter(|p| p.is_error()).count(),
        5,
        "{:?}",
        o.problems
    );
    assert_eq!(
        at("unit_changes", 2).map(|x| x.1),
        Some("import.full_and_partial")
    );
    // a change whose date is not the day after the old unit ended
    assert_eq!(
        at("unit_changes", 4),
        Some(("Ngày hiệu lực".to_string(), "import.change_out_of_time"))
    );
    // an old code in force on no such day
    assert_eq!(
        at("unit_changes", 5).map(|x| x.1),
        Some("import.no_unit_on_date")
    );
    // a move to a commune not yet in force, and of an organisation nobody knows
    assert_eq!(
        at("organization_moves", 2),
        Some(("Từ ngày".to_string(), "import.move_out_of_time"))
    );
    assert_eq!(
        at("organization_moves", 3).map(|x| x.1),
        Some("import.no_such_organisation")
    );
    let snap = app.snapshot().await.unwrap();
    assert!(snap.changes.is_empty() && snap.moves.is_empty() && snap.orgs.is_empty());
}

/// Two versions of one code in force at the same time are refused on the row that adds one.
#[tokio::test]
async fn overlapping_versions_of_a_code_are_refused() {
    let (app, _dir) = super::app().await;
    let units = "code,name,level,parent_code,valid_from,valid_to\n\
30037,Xã Tháp Mười,commune,872,2025-01-01,\n";
    let o = app
        .import_book(&sys(), &super::csv(&[("admin_units", units)]), true)
        .await
        .unwrap();
    assert!(!o.applied);
    let p = o.problems.iter().find(|p| p.is_error()).unwrap();
    assert_eq!(
        (p.row, p.msg.code()),
        (Some(2), "import.unit_versions_overlap")
    );
}

/// The reports received for a year are counted by the communes of that year's end: for 2025
/// the new communes (the old ones had ended), for 2024 the old ones.
#[tokio::test]
async fn reports_received_are_counted_by_the_communes_of_their_year() {
    let (app, _dir) = reformed().await;
    let communes = |r: &hoptac_app::checks::CheckReport| -> Vec<String> {
        r.completeness.iter().map(|c| c.commune.clone()).collect()
    };
    let r2025 = app
        .check(&sys(), ymd(2026, 6, 30).unwrap(), None)
        .await
        .unwrap();
    assert_eq!(r2025.report_year, 2025);
    assert_eq!(communes(&r2025), ["Xã Đốc Binh Kiều", "Xã Tháp Mười"]);
    let r2024 = app
        .check(&sys(), ymd(2025, 6, 30).unwrap(), None)
        .await
        .unwrap();
    assert_eq!(
        communes(&r2024),
        [
            "Xã Đốc Binh Kiều",
            "Xã Mỹ An",
            "Xã Tân Kiều",
            "Xã Thử Nghiệm"
        ]
    );
}

/// A commune officer may neither rewrite how units changed nor move an organisation that is
/// not on its ground; each refusal is named in the outcome and recorded in the audit.
#[tokio::test]
async fn history_rows_are_refused_outside_the_writers_scope() {
    let (app, _dir) = super::app().await;
    hoptac_demo::load_demo(&app).await.unwrap();
    let s = app
        .login("xa.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let officer = app.session(&s.token, "x").await.unwrap().unwrap().actor;
    let book = super::csv(&[
        (
            "unit_changes",
            "old_code,new_code,on,kind,basis\n30049,30061,2025-07-01,full,another basis\n",
        ),
        (
            "organization_moves",
            "org_code,commune,moved_on\nHTX-TM-19,30061,2025-07-01\n",
        ),
    ]);
    let o = app.import_book(&officer, &book, true).await.unwrap();
    assert!(!o.applied);
    for sheet in ["unit_changes", "organization_moves"] {
        assert!(
            o.problems.iter().any(|p| p.is_error() && p.sheet == sheet),
            "{sheet}: {:?}",
            o.problems
        );
    }
    let snap = app.snapshot().await.unwrap();
    assert!(snap.moves.is_empty());
    assert!(
        snap.changes
            .iter()
            .all(|c| c.basis == "NQ 1663/NQ-UBTVQH15")
    );
    // the same file from the command line (the installation) is accepted
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:?}", o.problems);
}

/// The situation report of a period across the reform names the ground it compared in its
/// first footnote, on the words "trên địa bàn"; a period before the reform has none.
#[tokio::test]
async fn the_situation_report_footnotes_the_ground_compared_across_the_reform() {
    let (app, _dir) = reformed().await;
    let doc = app
        .situation_report(&sys(), 2020, 2025, Some("30061"))
        .await
        .unwrap();
    assert!(
        doc.footnotes[0].starts_with("So sánh trên cùng địa bàn")
            && doc.footnotes[0].contains("Xã Tân Kiều"),
        "{:?}",
        doc.footnotes
    );
    let first = &doc.sections[0].paragraphs[0].0;
    assert!(first.contains(&hoptac_core::report::Inline::Note(1)));
    let md = hoptac_core::report::render_md(&doc);
    // no HTX was founded there: said in words, the note on the ground
    assert!(
        md.contains("địa bàn xã¹ không thành lập mới hợp tác xã (HTX) nào"),
        "{md}"
    );
    let before = app
        .situation_report(&sys(), 2016, 2020, Some("30061"))
        .await
        .unwrap();
    assert!(
        before
            .footnotes
            .iter()
            .all(|f| !f.starts_with("So sánh trên cùng địa bàn"))
    );
}
