//! Linkage contracts and deliveries: written in the unit of work and read back whole (the
//! parties in order, the lead first, the schedule in order), parties and schedule replaced
//! when a contract is written again; a contract with deliveries is not removed from under
//! them, a party organisation is not archived.

use crate::fixtures::*;
use hoptac_core::chain::{Contract, Delivery, Installment};
use hoptac_core::date::ymd;
use hoptac_core::types::{LinkageForm, LotUnit};
use hoptac_core::{Fixed, OrgCode};
use hoptac_store::{ChangeSet, Store};

pub(crate) fn contract(code: &str) -> Contract {
    Contract {
        code: code.into(),
        orgs: vec![OrgCode::parse("B2").unwrap(), OrgCode::parse("A1").unwrap()],
        partner: "Công ty CP Nông sản \"Sông Tiền\"".into(),
        partner_tax_code: "1400123456-001".into(),
        form: LinkageForm::InputsProductionSale,
        goods: "Lúa tươi ST25".into(),
        product: None,
        quantity: Fixed::parse_plain("1000.5").unwrap(),
        unit: LotUnit::Tne,
        area_ha: Fixed::parse_plain("150.25"),
        households: Some(90),
        price: "Giá thị trường cộng 200 đồng/kg".into(),
        signed_on: ymd(2026, 1, 5).unwrap(),
        starts_on: ymd(2026, 1, 10).unwrap(),
        ends_on: ymd(2026, 12, 31).unwrap(),
        ended_on: None,
        schedule: vec![
            Installment {
                due: ymd(2026, 3, 31).unwrap(),
                quantity: Fixed::parse_plain("500.5").unwrap(),
            },
            Installment {
                due: ymd(2026, 8, 31).unwrap(),
                quantity: Fixed::from_int(500),
            },
        ],
    }
}

fn delivery(code: &str, contract: &str) -> Delivery {
    Delivery {
        code: code.into(),
        contract: contract.into(),
        delivered_on: ymd(2026, 3, 20).unwrap(),
        quantity: Fixed::parse_plain("450.125").unwrap(),
        lot: Some("L2026-03-01".into()),
    }
}

pub async fn linkage_contracts_and_deliveries_round_trip_and_guard_the_register(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let mut bare = contract("C2");
    bare.orgs.truncate(1);
    bare.schedule.clear();
    bare.area_ha = None;
    bare.households = None;
    bare.ended_on = ymd(2026, 6, 30);
    s.apply(&ChangeSet {
        contracts: vec![bare.clone(), contract("C1")],
        deliveries: vec![delivery("D2", "C1"), delivery("D1", "C2")],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().contracts;
    assert_eq!(t.contracts, vec![contract("C1"), bare.clone()]);
    assert_eq!(
        t.deliveries,
        vec![delivery("D1", "C2"), delivery("D2", "C1")]
    );
    // written again: its parties and schedule are the ones it has now
    let mut fewer = contract("C1");
    fewer.orgs.reverse();
    fewer.schedule.truncate(1);
    s.apply(&ChangeSet {
        contracts: vec![fewer.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        s.snapshot(None).await.unwrap().contracts.contract("C1"),
        Some(&fewer)
    );
    for bad in [
        ChangeSet {
            removed_contracts: vec!["C1".into()],
            ..Default::default()
        },
        ChangeSet {
            contracts: vec![contract("C3")],
            deliveries: vec![delivery("D3", "NOWHERE")],
            ..Default::default()
        },
    ] {
        let r = s.apply(&bad).await;
        assert!(r.is_err(), "{r:?}");
    }
    let t = s.snapshot(None).await.unwrap().contracts;
    assert_eq!((t.contracts.len(), t.deliveries.len()), (2, 2));
    s.apply(&ChangeSet {
        removed_deliveries: vec!["D2".into()],
        removed_contracts: vec!["C1".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().contracts;
    assert_eq!((t.contracts.len(), t.deliveries.len()), (1, 1));
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: OrgCode::parse("B2").unwrap(),
                at: "2026-12-07 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    assert!(archived.is_err(), "{archived:?}");
}
