//! Linkage projects through the services: the commune officer records a project of its own
//! cooperatives and no other's, on either side of an edit; a cooperative records none; the
//! support paid under it is the disbursements that name it, each of a cooperative taking
//! part; a project with support paid, and a contract a project rests on, stay; every write
//! and refusal is in the audit.

use crate::demo;
use crate::signed_in as actor;

use crate::sys;
use hoptac_core::OrgCode;
use hoptac_core::chain::LinkageProject;
use hoptac_core::date::ymd;
use hoptac_core::model::Disbursement;
use hoptac_core::types::SupportPolicy;
use hoptac_store::AuditQuery;

fn project(code: &str, orgs: &[&str], contracts: &[&str]) -> LinkageProject {
    LinkageProject {
        code: code.into(),
        name: "Liên kết sản xuất lúa chất lượng cao".into(),
        lead: "Công ty TNHH Lương thực Đồng Tháp".into(),
        orgs: orgs.iter().map(|o| OrgCode::parse(o).unwrap()).collect(),
        contracts: contracts.iter().map(|k| k.to_string()).collect(),
        area_ha: None,
        households: Some(40),
        investment_vnd: 2_000_000_000,
        support_approved_vnd: 600_000_000,
        approved_by: "UBND tỉnh".into(),
        decision: "QĐ 77/QĐ-UBND".into(),
        approved_on: ymd(2026, 3, 2).unwrap(),
        starts_on: ymd(2026, 4, 1).unwrap(),
        ends_on: ymd(2027, 12, 31).unwrap(),
    }
}

fn paid(code: &str, org: &str, project: &str) -> Disbursement {
    Disbursement {
        code: code.into(),
        policy: SupportPolicy::Linkage,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: "QĐ 90/QĐ-UBND".into(),
        org: OrgCode::parse(org).unwrap(),
        amount_vnd: 150_000_001,
        source: "Ngân sách tỉnh".into(),
        paid_on: ymd(2026, 9, 30).unwrap(),
        project: Some(project.into()),
    }
}

fn fields(p: &[(&'static str, String, hoptac_core::Msg)]) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

#[tokio::test]
async fn a_project_is_kept_by_the_offices_of_every_cooperative_and_its_support_is_what_was_paid() {
    let (a, _d) = demo().await;
    let coop = actor(&a, "htx.tankieu").await;
    let commune = actor(&a, "xa.tankieu").await;
    let district = actor(&a, "canbo").await;
    let r = a
        .save_project(&coop, None, project("DA-1", &["HTX-TM-07"], &[]), 0)
        .await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    // the commune's own cooperative, and one of another commune
    let own = a
        .save_project(&commune, None, project("DA-1", &["HTX-TM-07"], &[]), 0)
        .await
        .unwrap();
    assert!(own.is_empty(), "{own:?}");
    let r = a
        .save_project(
            &commune,
            None,
            project("DA-2", &["HTX-TM-07", "HTX-TM-04"], &[]),
            0,
        )
        .await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    let both = project("DA-2", &["HTX-TM-07", "HTX-TM-01"], &["HDLK-2026-01"]);
    assert!(
        a.save_project(&district, None, both.clone(), 0)
            .await
            .unwrap()
            .is_empty()
    );
    // the contract it rests on keeps a cooperative of it
    let mut moved = a
        .snapshot()
        .await
        .unwrap()
        .contracts
        .contract("HDLK-2026-01")
        .cloned()
        .unwrap();
    moved.orgs = vec![OrgCode::parse("HTX-TM-04").unwrap()];
    moved.product = None;
    let kv = a.row_version("contracts", "HDLK-2026-01").await.unwrap();
    let p = a
        .save_contract(&district, Some("HDLK-2026-01"), moved, kv)
        .await
        .unwrap();
    // each project it would leave is named: this one and the demo's
    assert_eq!(
        fields(&p),
        [("orgs", "DA-2".into()), ("orgs", "DA-LK-2026-01".into())]
    );
    // the old side: the commune cannot edit a project that names another commune's
    let v = a.row_version("linkage_projects", "DA-2").await.unwrap();
    let mut narrower = both.clone();
    narrower.orgs.truncate(1);
    narrower.contracts.clear();
    let r = a.save_project(&commune, Some("DA-2"), narrower, v).await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    // the contract names no cooperative of it, the code is taken
    let wrong = project("DA-1", &["HTX-TM-07"], &["HDLK-2026-02"]);
    let p = a.save_project(&district, None, wrong, 0).await.unwrap();
    assert_eq!(
        fields(&p),
        [
            ("contracts", "HDLK-2026-02".into()),
            ("code", "DA-1".into())
        ]
    );
    // support paid under it: a cooperative of it, not one outside it
    let ok = a
        .save_disbursement(&district, None, paid("CH-DA-1", "HTX-TM-07", "DA-2"), 0)
        .await
        .unwrap();
    assert!(ok.is_empty(), "{ok:?}");
    let outside = a
        .save_disbursement(&district, None, paid("CH-DA-2", "HTX-TM-04", "DA-2"), 0)
        .await
        .unwrap();
    assert_eq!(fields(&outside), [("project", "DA-2".into())]);
    let nowhere = a
        .save_disbursement(&district, None, paid("CH-DA-3", "HTX-TM-07", "DA-9"), 0)
        .await
        .unwrap();
    assert_eq!(fields(&nowhere), [("project", "DA-9".into())]);
    let view = a.project(&commune, "DA-2").await.unwrap();
    assert_eq!(view.paid_vnd, 150_000_001);
    assert_eq!(view.disbursements.len(), 1);
    assert!(!view.can_edit, "the commune does not keep HTX-TM-01");
    assert!(a.project(&district, "DA-2").await.unwrap().can_edit);
    // a cooperative paid under it stays in it; the project and its contract stay
    let v = a.row_version("linkage_projects", "DA-2").await.unwrap();
    let mut without = both.clone();
    without.orgs = vec![OrgCode::parse("HTX-TM-01").unwrap()];
    let p = a
        .save_project(&district, Some("DA-2"), without, v)
        .await
        .unwrap();
    assert_eq!(fields(&p), [("orgs", "HTX-TM-07".into())]);
    let r = a.remove_project(&district, "DA-2", "nhập nhầm", v).await;
    assert!(
        matches!(r, Err(hoptac_app::AppError::Invalid { .. })),
        "{r:?}"
    );
    let kv = a.row_version("contracts", "HDLK-2026-01").await.unwrap();
    match a
        .remove_contract(&district, "HDLK-2026-01", "nhập nhầm", kv)
        .await
    {
        Err(hoptac_app::AppError::Invalid { msg, .. }) => {
            assert_eq!(msg.code(), "linkage.contract_in_project")
        }
        r => panic!("{r:?}"),
    }
    // an edit at a version read before another's is refused, not applied over it
    let mut renamed = both.clone();
    renamed.name = "Liên kết lúa ST25".into();
    let r = a
        .save_project(&district, Some("DA-2"), renamed, v - 1)
        .await;
    assert!(r.is_err(), "{r:?}");
    let snap = a.snapshot().await.unwrap();
    assert_eq!(snap.contracts.project("DA-2"), Some(&both));
    // the one of its own commune only is taken out
    let v = a.row_version("linkage_projects", "DA-1").await.unwrap();
    a.remove_project(&commune, "DA-1", "nhập nhầm", v)
        .await
        .unwrap();
    assert!(
        a.snapshot()
            .await
            .unwrap()
            .contracts
            .project("DA-1")
            .is_none()
    );
    let r = a.project(&coop, "DA-9").await;
    assert!(
        matches!(r, Err(hoptac_app::AppError::NotFound { .. })),
        "{r:?}"
    );
    let audit = a
        .audit_trail(
            &sys(),
            AuditQuery {
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let of = |actor: &str, action: &str, key: &str| {
        audit.iter().any(|e| {
            e.actor == actor && e.action == action && e.key == key && e.entity == "linkage_projects"
        })
    };
    assert!(of("xa.tankieu", "create", "DA-1"), "{audit:#?}");
    assert!(of("canbo", "create", "DA-2"), "{audit:#?}");
    assert!(of("xa.tankieu", "delete", "DA-1"), "{audit:#?}");
    assert!(
        audit
            .iter()
            .filter(
                |e| e.action == "refused" && (e.actor == "xa.tankieu" || e.actor == "htx.tankieu")
            )
            .count()
            >= 3,
        "{audit:#?}"
    );
}

#[tokio::test]
async fn a_disbursement_row_names_a_project_of_its_cooperative_and_a_sheet_without_the_column_keeps_it()
 {
    let (a, _d) = demo().await;
    let district = actor(&a, "canbo").await;
    let p = project("DA-2", &["HTX-TM-07"], &[]);
    assert!(
        a.save_project(&district, None, p, 0)
            .await
            .unwrap()
            .is_empty()
    );
    let head = "code,policy,legal_basis,decision,org_code,amount_vnd,source,paid_on";
    let import = |sheet: String| {
        let a = &a;
        async move {
            (a.import_book(
                &sys(),
                &crate::csv(&[("support_disbursements", &sheet)]),
                true,
            ))
            .await
            .unwrap()
        }
    };
    let o = import(format!(
        "{head},project\n\
CH-1,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-04,5000000,Ngân sách tỉnh,2026-09-01,DA-2\n\
CH-2,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-07,5000000,Ngân sách tỉnh,2026-09-01,DA-7\n\
CH-3,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-07,5000000,Ngân sách tỉnh,2026-09-01,DA-2\n"
    ))
    .await;
    assert!(!o.applied);
    let named: Vec<(String, String)> = (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| (p.key.unwrap_or_default().to_string(), p.value.clone()))
        .collect();
    assert_eq!(
        named,
        [
            ("project".to_string(), "DA-2".to_string()),
            ("project".to_string(), "DA-7".to_string())
        ]
    );
    let o = import(format!(
        "{head},project\n\
CH-3,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-07,5000000,Ngân sách tỉnh,2026-09-01,DA-2\n"
    ))
    .await;
    assert!(o.applied, "{:?}", o.problems);
    // a workbook from before projects corrects the amount, the link stays
    let o = import(format!(
        "{head}\n\
CH-3,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-07,6000000,Ngân sách tỉnh,2026-09-01\n"
    ))
    .await;
    assert!(o.applied, "{:?}", o.problems);
    let snap = a.snapshot().await.unwrap();
    let d = snap.support.disbursement("CH-3").unwrap();
    assert_eq!(
        (d.amount_vnd, d.project.as_deref()),
        (6_000_000, Some("DA-2"))
    );
}

#[tokio::test]
async fn a_projects_sheet_goes_in_with_the_support_paid_under_it_all_or_nothing() {
    let (a, _d) = demo().await;
    let head = "code,name,lead,orgs,contracts,area_ha,households,investment_vnd,support_approved_vnd,approved_by,decision,approved_on,starts_on,ends_on";
    let row = |code: &str, orgs: &str, contracts: &str| {
        format!(
            "{code},Liên kết hạt sen,Công ty CP Sen Đồng Tháp,{orgs},{contracts},12.5,30,800000000,240000000,UBND tỉnh,QĐ 9/QĐ-UBND,2026-10-01,2026-11-01,2027-10-31\n"
        )
    };
    let paid = "code,policy,legal_basis,decision,org_code,amount_vnd,source,paid_on,project\n\
CH-S-1,linkage,NĐ 98/2018/NĐ-CP,,HTX-TM-04,80000000,Ngân sách tỉnh,2026-11-20,DA-SEN\n";
    let book = |projects: String| {
        crate::csv(&[
            ("support_disbursements", paid),
            ("linkage_projects", &format!("{head}\n{projects}")),
        ])
    };
    // a contract of no cooperative of it, an unknown cooperative: named, nothing written
    let before = a.store().counts().await.unwrap();
    let bad = format!(
        "{}{}",
        row("DA-SEN", "HTX-TM-04", "HDLK-2026-01"),
        row("DA-ZZ", "ZZ-9", "")
    );
    let o = a.import_book(&sys(), &book(bad), true).await.unwrap();
    assert!(!o.applied);
    let named: Vec<(String, String)> = (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| (p.key.unwrap_or_default().to_string(), p.value.clone()))
        .collect();
    assert_eq!(
        named,
        [
            ("contracts".to_string(), "HDLK-2026-01".to_string()),
            ("orgs".to_string(), "ZZ-9".to_string())
        ]
    );
    assert_eq!(a.store().counts().await.unwrap(), before, "nothing written");
    // the commune officer of Tân Kiều does not keep HTX-TM-04 (Mỹ An)
    let commune = actor(&a, "xa.tankieu").await;
    let good = row("DA-SEN", "HTX-TM-04", "HDLK-2026-02");
    let only = crate::csv(&[("linkage_projects", &format!("{head}\n{good}"))]);
    let r = a.import_book(&commune, &only, true).await;
    assert!(!r.as_ref().is_ok_and(|o| o.applied), "{r:?}");
    let o = a.import_book(&sys(), &book(good), true).await.unwrap();
    assert!(o.applied, "{:?}", o.problems);
    let v = a.project(&sys(), "DA-SEN").await.unwrap();
    assert_eq!(
        (v.paid_vnd, v.project.contracts.clone()),
        (80_000_000, vec!["HDLK-2026-02".to_string()])
    );
    // a contract moved away from every cooperative of the stored project resting on it
    let moved = "code,orgs,partner,partner_tax_code,form,goods,product,quantity,uom,area_ha,households,price,signed_on,starts_on,ends_on,ended_on,schedule\n\
HDLK-2026-02,HTX-TM-07,Công ty CP Sen Đồng Tháp,1400999002,production_sale,Hạt sen tươi,,100,TNE,,,Giá thỏa thuận,2026-01-01,2026-01-01,2026-12-31,,\n";
    let o = a
        .import_book(&sys(), &crate::csv(&[("contracts", moved)]), true)
        .await
        .unwrap();
    assert!(!o.applied);
    let named: Vec<(String, String)> = (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| (p.key.unwrap_or_default().to_string(), p.value.clone()))
        .collect();
    assert_eq!(named, [("orgs".to_string(), "DA-SEN".to_string())]);
    // what is exported comes back the same
    let xlsx = a
        .export_xlsx(&sys(), hoptac_app::ExportHeaders::Vietnamese)
        .await
        .unwrap();
    let again = a
        .import_bytes(&sys(), "x.xlsx", &xlsx, false)
        .await
        .unwrap();
    let row = (again.summary.iter()).find(|t| t.table == "linkage_projects");
    assert!(
        row.is_some_and(|t| t.new == 0 && t.changed == 0 && t.unchanged == 2),
        "{:?}",
        again.summary
    );
}
