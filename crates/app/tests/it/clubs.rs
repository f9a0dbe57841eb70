//! The Hội quán sheets through the import: every bad row named with its column and value,
//! all or nothing, a second import changes nothing, and the club's keepers only.

use crate::signed_in as actor;

use crate::{app, csv, sys};
use hoptac_core::Fixed;
use hoptac_store::AuditQuery;

const ORGS: &str = "code,kind,name,sector,commune,founded_on,dissolved_on\n\
HQ1,HOIQUAN,Hội quán Tân Kiều,agriculture,30049,2021-03-01,2024-01-01\n\
HQ2,HOIQUAN,Hội quán Mỹ Quý,agriculture,Mỹ Quý,2021-05-01,\n\
H1,HTX,HTX Nông nghiệp Hội quán Mỹ Quý,agriculture,Mỹ Quý,2023-06-01,\n";

const MEETINGS_HEAD: &str = "org_code,held_on,topic,attendance,officials,outcome\n";

/// (column key, value, message in English) of each error.
fn problems(o: &hoptac_app::ImportOutcome) -> Vec<(String, String, String)> {
    o.problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| {
            (
                p.key.unwrap_or_default().to_string(),
                p.value.clone(),
                p.msg.en(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_bad_meeting_row_is_named_and_nothing_is_written() {
    let (app, _d) = app().await;
    let meetings = format!(
        "{MEETINGS_HEAD}\
HQ1,2021-02-10,technique,20,,\n\
HQ1,2024-01-01,market,20,,\n\
H1,2024-03-05,linkage,20,,\n\
ZZ,2024-03-05,linkage,20,,\n\
HQ2,2024-03-05,linkage,-3,,\n\
HQ2,2024-04-05,linkage,12,Nguyễn Văn An | Phòng Kinh tế | tinh thanh,\n\
HQ2,2024-05-05,weather,12,,\n\
HQ2,2024-06-05,law,12,Trần Thị Bình | UBND xã | commune,Tuyên truyền Luật HTX 2023\n"
    );
    let origins = "org_code,from_code,founding_members\nHQ2,H1,5\nH1,HQ9,\n";
    let before = app.store().counts().await.unwrap();
    let o = app
        .import_book(
            &sys(),
            &csv(&[
                ("organizations", ORGS),
                ("hoiquan_meetings", &meetings),
                ("org_origins", origins),
            ]),
            true,
        )
        .await
        .unwrap();
    assert!(!o.applied);
    let p = problems(&o);
    let has = |col: &str, value: &str, words: &str| {
        assert!(
            p.iter()
                .any(|(c, v, m)| c == col && v == value && m.contains(words)),
            "{col} {value} {words}: {p:#?}"
        );
    };
    has("held_on", "10/02/2021", "before");
    has("held_on", "01/01/2024", "after");
    has("org_code", "H1", "not a");
    has("org_code", "ZZ", "No organisation");
    has("attendance", "-3", "0");
    has("officials", "tinh thanh", "tinh thanh");
    has("topic", "weather", "weather");
    has("from_code", "H1", "not founded from");
    has("from_code", "H1", "after the organisation");
    has("from_code", "HQ9", "No organisation");
    assert_eq!(p.len(), 10, "the good rows raise nothing: {p:#?}");
    assert_eq!(
        app.store().counts().await.unwrap(),
        before,
        "nothing written"
    );
    let snap = app.snapshot().await.unwrap();
    assert!(snap.clubs.meetings.is_empty() && snap.clubs.origins.is_empty());
}

#[tokio::test]
async fn a_club_workbook_is_applied_once_and_counted() {
    let (app, _d) = app().await;
    let meetings = format!(
        "{MEETINGS_HEAD}\
HQ2,2024-03-05,technique,25,Nguyễn Văn An | Phòng NN-PTNT | district,\n\
HQ2,2024-04-05,market,30,,Thống nhất giá bán lúa\n"
    );
    let book = csv(&[
        ("organizations", ORGS),
        (
            "hoiquan",
            "org_code,sequence_no,trade,meetings_per_year\nHQ2,,lúa,12\n",
        ),
        ("hoiquan_meetings", &meetings),
        (
            "org_origins",
            "org_code,from_code,founding_members\nH1,HQ2,9\n",
        ),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let new = |t: &str| o.summary.iter().find(|s| s.table == t).unwrap().new;
    assert_eq!(
        (new("hoiquan"), new("hoiquan_meetings"), new("org_origins")),
        (1, 2, 1)
    );
    let again = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(again.changes(), 0, "{:#?}", again.summary);
    let s = app.stats(&sys(), 2024, 2024, None).await.unwrap();
    let ind = |id: &str| s.indicators.iter().find(|i| i.id == id).unwrap().value;
    assert_eq!(ind("hoiquan.meetings"), Some(Fixed::from_int(2)));
    let s = app.stats(&sys(), 2023, 2023, None).await.unwrap();
    let ind = |id: &str| s.indicators.iter().find(|i| i.id == id).unwrap().value;
    assert_eq!(ind("hoiquan.became_coop"), Some(Fixed::from_int(1)));
    let audit = app
        .audit_trail(
            &sys(),
            AuditQuery {
                entity: Some("club_meetings".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 2, "one entry a meeting");

    // the club's end moved before a stored meeting: refused on the organisation's row
    let ended = ORGS.replace(
        "HQ2,HOIQUAN,Hội quán Mỹ Quý,agriculture,Mỹ Quý,2021-05-01,",
        "HQ2,HOIQUAN,Hội quán Mỹ Quý,agriculture,Mỹ Quý,2021-05-01,2024-04-01",
    );
    let o = app
        .import_book(&sys(), &csv(&[("organizations", &ended)]), true)
        .await
        .unwrap();
    assert!(!o.applied);
    let p = problems(&o);
    assert!(
        p.iter()
            .any(|(c, v, m)| c == "dissolved_on" && v == "05/04/2024" && m.contains("HQ2")),
        "{p:#?}"
    );
    // and a club that became a cooperative on paper leaves its origin invalid
    let kind = ORGS.replace("HQ2,HOIQUAN", "HQ2,HTX");
    let o = app
        .import_book(&sys(), &csv(&[("organizations", &kind)]), true)
        .await
        .unwrap();
    assert!(
        problems(&o)
            .iter()
            .any(|(c, _, m)| c == "kind" && m.contains("founded from")),
        "{:#?}",
        problems(&o)
    );
}

/// A commune officer imports its own club's meetings, not another commune's; a cooperative's
/// account none; each refusal audited.
#[tokio::test]
async fn meetings_are_imported_by_the_clubs_keepers_only() {
    let (a, _d) = hoptac_store_conformance::TestDb::new().await;
    let a = hoptac_app::App::new(a);
    hoptac_demo::load_demo(&a).await.unwrap();
    let own = format!("{MEETINGS_HEAD}HQ-TM-05,2026-11-30,market,21,,\n");
    let other = format!("{MEETINGS_HEAD}HQ-TM-06,2026-11-30,market,21,,\n");
    let officer = actor(&a, "xa.tankieu").await;
    let o = a
        .import_book(&officer, &csv(&[("hoiquan_meetings", &own)]), true)
        .await
        .unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let o = a
        .import_book(&officer, &csv(&[("hoiquan_meetings", &other)]), true)
        .await
        .unwrap();
    assert!(!o.applied);
    assert!(
        problems(&o)
            .iter()
            .any(|(_, v, _)| v == "HQ-TM-06/2026-11-30"),
        "{:#?}",
        o.problems
    );
    let coop = actor(&a, "htx.tankieu").await;
    let later = own.replace("2026-11-30", "2026-11-29");
    let o = a
        .import_book(&coop, &csv(&[("hoiquan_meetings", &later)]), true)
        .await
        .unwrap();
    assert!(!o.applied, "a cooperative keeps no club's records");
    let refusals = a
        .audit_trail(
            &sys(),
            AuditQuery {
                action: Some("refused".into()),
                limit: 20,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for who in ["xa.tankieu", "htx.tankieu"] {
        assert!(
            refusals.iter().any(|e| e.actor == who
                && e.after
                    .as_deref()
                    .unwrap_or("")
                    .contains("hoiquan_meetings")),
            "{who}: {refusals:#?}"
        );
    }
}
