//! Linkage projects (dự án liên kết): written after the contracts they rest on and read back
//! whole (cooperatives and contracts in order, replaced when written again); a disbursement
//! names the project it was paid under; a project is not removed from under its
//! disbursements, its contracts not from under it, its cooperatives not archived.

use crate::contracts::contract;
use crate::fixtures::*;
use hoptac_core::chain::LinkageProject;
use hoptac_core::date::ymd;
use hoptac_core::model::Disbursement;
use hoptac_core::types::SupportPolicy;
use hoptac_core::{Fixed, OrgCode};
use hoptac_store::{ChangeSet, Store};

fn project(code: &str) -> LinkageProject {
    LinkageProject {
        code: code.into(),
        name: "Liên kết sản xuất và tiêu thụ lúa ST25 \"Sông Tiền\"".into(),
        lead: "Công ty CP Nông sản Sông Tiền".into(),
        orgs: vec![OrgCode::parse("A1").unwrap(), OrgCode::parse("B2").unwrap()],
        contracts: vec!["C1".into(), "C2".into()],
        area_ha: Fixed::parse_plain("120.5"),
        households: Some(85),
        investment_vnd: 4_250_000_000,
        support_approved_vnd: 1_275_000_001,
        approved_by: "UBND tỉnh".into(),
        decision: "QĐ 512/QĐ-UBND".into(),
        approved_on: ymd(2026, 2, 14).unwrap(),
        starts_on: ymd(2026, 3, 1).unwrap(),
        ends_on: ymd(2028, 12, 31).unwrap(),
    }
}

fn paid(code: &str, project: Option<&str>) -> Disbursement {
    Disbursement {
        code: code.into(),
        policy: SupportPolicy::Linkage,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: "QĐ 600/QĐ-UBND".into(),
        org: OrgCode::parse("A1").unwrap(),
        amount_vnd: 300_000_000,
        source: "Ngân sách tỉnh".into(),
        paid_on: ymd(2026, 6, 30).unwrap(),
        project: project.map(Into::into),
    }
}

pub async fn linkage_projects_round_trip_and_tie_the_support_paid(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let mut bare = project("P2");
    bare.contracts.clear();
    // a cooperative in this project and nothing else
    bare.orgs = vec![OrgCode::parse("C3").unwrap()];
    bare.area_ha = None;
    bare.households = None;
    bare.support_approved_vnd = 0;
    // projects, their contracts and the disbursements under them in one unit of work
    s.apply(&ChangeSet {
        orgs: vec![org("C3", "HTX Tân Phú", 2)],
        contracts: vec![contract("C1"), contract("C2")],
        projects: vec![bare.clone(), project("P1")],
        disbursements: vec![paid("S1", Some("P1")), paid("S2", None)],
        ..Default::default()
    })
    .await
    .unwrap();
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(snap.contracts.projects, vec![project("P1"), bare.clone()]);
    let named: Vec<_> = (snap.support.disbursements.iter())
        .map(|d| (d.code.as_str(), d.project.as_deref()))
        .collect();
    assert_eq!(named, vec![("S1", Some("P1")), ("S2", None)]);
    // written again: its cooperatives and contracts are the ones it has now
    let mut fewer = project("P1");
    fewer.orgs.reverse();
    fewer.contracts.truncate(1);
    s.apply(&ChangeSet {
        projects: vec![fewer.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        s.snapshot(None).await.unwrap().contracts.project("P1"),
        Some(&fewer)
    );
    let mut stray = project("P3");
    stray.contracts = vec!["NOWHERE".into()];
    let mut stranger = project("P4");
    stranger.orgs = vec![OrgCode::parse("ZZ9").unwrap()];
    for bad in [
        // a disbursement under no such project
        ChangeSet {
            disbursements: vec![paid("S3", Some("NOWHERE"))],
            ..Default::default()
        },
        ChangeSet {
            projects: vec![stray],
            ..Default::default()
        },
        ChangeSet {
            projects: vec![stranger],
            ..Default::default()
        },
        // the project still has a disbursement under it
        ChangeSet {
            removed_projects: vec!["P1".into()],
            ..Default::default()
        },
        // the project still rests on the contract
        ChangeSet {
            removed_contracts: vec!["C1".into()],
            ..Default::default()
        },
    ] {
        let r = s.apply(&bad).await;
        assert!(r.is_err(), "{r:?}");
    }
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: OrgCode::parse("C3").unwrap(),
                at: "2026-12-07 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    // refused as a record still naming it, which the app explains, not as a broken key
    assert!(
        matches!(archived, Err(hoptac_store::StoreError::Stale { .. })),
        "{archived:?}"
    );
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(snap.contracts.projects.len(), 2);
    assert_eq!(snap.support.disbursements.len(), 2);
    // unlinked first, then taken out with the contract it rested on
    s.apply(&ChangeSet {
        disbursements: vec![paid("S1", None)],
        ..Default::default()
    })
    .await
    .unwrap();
    s.apply(&ChangeSet {
        removed_projects: vec!["P1".into()],
        removed_contracts: vec!["C1".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(snap.contracts.projects, vec![bare]);
    assert_eq!(snap.contracts.contracts.len(), 1);
}
