//! The support sheets through the import: a disbursement to a dissolved organisation after
//! its dissolution, a negative amount, an unknown organisation or policy, an event of an
//! unknown unit — each named with its column and value, nothing written; a good file applied
//! once, counted, its money exact in the indicators; an organisation's new dissolution day
//! that would strand a stored disbursement refused on its row.

use crate::{app, csv, sys};
use hoptac_core::Fixed;

const ORGS: &str = "code,kind,name,sector,commune,founded_on,dissolved_on\n\
H1,HTX,HTX Tân Kiều,agriculture,30049,2015-03-01,\n\
H2,HTX,HTX Mỹ Quý,agriculture,Mỹ Quý,2016-05-01,2020-01-01\n";
const PAID_HEAD: &str = "code,policy,legal_basis,decision,org_code,amount_vnd,source,paid_on\n";
const EVENTS_HEAD: &str = "code,kind,title,held_on,organiser,unit,audience,reach\n";

fn errors(o: &hoptac_app::ImportOutcome) -> Vec<(String, String, String)> {
    (o.problems.iter())
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
async fn every_bad_disbursement_and_event_row_is_named_and_nothing_is_written() {
    let (app, _d) = app().await;
    let paid = format!(
        "{PAID_HEAD}\
D1,founding,NĐ 113/2024/NĐ-CP,,H2,30000000,Ngân sách tỉnh,2020-03-01\n\
D2,linkage,NĐ 98/2018/NĐ-CP,,H1,-5000000,Ngân sách tỉnh,2022-03-01\n\
D3,linkage,NĐ 98/2018/NĐ-CP,,ZZ,5000000,Ngân sách tỉnh,2022-03-01\n\
D4,gift,NĐ 98/2018/NĐ-CP,,H1,5000000,Ngân sách tỉnh,2022-03-01\n\
D5,linkage,,,H1,5000000,Ngân sách tỉnh,2022-03-01\n\
D6,training,Kế hoạch 12/KH-UBND,,H1,5000000,Ngân sách huyện,2022-03-01\n\
D6,training,Kế hoạch 12/KH-UBND,,H1,5000000,Ngân sách huyện,2022-03-01\n"
    );
    let events = format!(
        "{EVENTS_HEAD}\
E1,conference,Hội nghị triển khai Luật HTX 2023,2024-02-01,UBND huyện,99999,Cán bộ xã,120\n\
E2,conference,Hội nghị,2024-02-01,UBND huyện,872,,-3\n"
    );
    let before = app.store().counts().await.unwrap();
    let o = app
        .import_book(
            &sys(),
            &csv(&[
                ("organizations", ORGS),
                ("support_disbursements", &paid),
                ("events", &events),
            ]),
            true,
        )
        .await
        .unwrap();
    assert!(!o.applied);
    let p = errors(&o);
    let has = |key: &str, value: &str, words: &str| {
        assert!(
            p.iter()
                .any(|(k, v, m)| k == key && v == value && m.contains(words)),
            "{key} {value} {words}: {p:#?}"
        );
    };
    has("paid_on", "01/03/2020", "dissolved on 01/01/2020");
    has("amount_vnd", "-5000000", "above 0");
    has("org_code", "ZZ", "No organisation");
    has("policy", "gift", "gift");
    has("legal_basis", "", "");
    has("unit", "99999", "99999");
    has("reach", "-3", "between 0");
    // the same code twice in the sheet
    assert!(
        p.iter().any(|(_, v, m)| v == "D6" && m.contains("row")),
        "{p:#?}"
    );
    assert_eq!(p.len(), 8, "{p:#?}");
    assert_eq!(
        app.store().counts().await.unwrap(),
        before,
        "nothing written"
    );
    let snap = app.snapshot().await.unwrap();
    assert!(snap.support.disbursements.is_empty() && snap.support.events.is_empty());
}

#[tokio::test]
async fn a_support_workbook_is_applied_once_counted_and_guards_its_organisations() {
    let (app, _d) = app().await;
    let paid = format!(
        "{PAID_HEAD}\
D1,founding,NĐ 113/2024/NĐ-CP,QĐ 5/QĐ-UBND,H1,30000000,Ngân sách tỉnh,2023-03-01\n\
D2,linkage,NĐ 98/2018/NĐ-CP,,H1,150000001,Ngân sách tỉnh,2023-09-01\n\
D3,training,NĐ 113/2024/NĐ-CP,,H2,2500000,Ngân sách huyện,2019-06-01\n"
    );
    let events =
        format!("{EVENTS_HEAD}E1,fair,Hội chợ nông sản,2023-11-20,Phòng Kinh tế,872,HTX,1500\n");
    let book = csv(&[
        ("organizations", ORGS),
        ("support_disbursements", &paid),
        ("events", &events),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let new = |t: &str| o.summary.iter().find(|s| s.table == t).unwrap().new;
    assert_eq!((new("support_disbursements"), new("events")), (3, 1));
    let again = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(again.changes(), 0, "{:#?}", again.summary);
    let s = app.stats(&sys(), 2023, 2023, None).await.unwrap();
    let ind = |id: &str| s.indicators.iter().find(|i| i.id == id).unwrap().value;
    assert_eq!(
        ind("support.amount"),
        Some(Fixed::parse_plain("180.000001").unwrap())
    );
    assert_eq!(
        ind("support.amount.linkage"),
        Some(Fixed::parse_plain("150.000001").unwrap())
    );
    assert_eq!(ind("support.beneficiaries"), Some(Fixed::from_int(1)));
    assert_eq!(ind("propaganda.events"), Some(Fixed::from_int(1)));
    assert_eq!(ind("propaganda.reach"), Some(Fixed::from_int(1500)));
    // H2 dissolved earlier than the file said before would strand D3: refused on its row
    let earlier = csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on,dissolved_on\n\
H2,HTX,HTX Mỹ Quý,agriculture,Mỹ Quý,2016-05-01,2019-01-01\n",
    )]);
    let o = app.import_book(&sys(), &earlier, true).await.unwrap();
    assert!(!o.applied);
    assert!(
        errors(&o)
            .iter()
            .any(|(k, v, m)| k == "dissolved_on" && v == "01/01/2019" && m.contains("D3")),
        "{:#?}",
        errors(&o)
    );
}
