use super::*;
use crate::chain::{Contract, ContractRecords, Delivery, Installment, LinkageProject};
use crate::date::ymd;
use crate::types::{LinkageForm, LotUnit, OrgCode};

fn d(y: i32, m: u8, day: u8) -> Date {
    ymd(y, m, day).unwrap()
}

fn contract(schedule: Vec<Installment>) -> Contract {
    Contract {
        code: "HĐLK-2026-01".into(),
        orgs: vec![OrgCode::parse("HTX-1").unwrap()],
        partner: "Công ty TNHH Lương thực Đồng Tháp".into(),
        partner_tax_code: "1400123456".into(),
        form: LinkageForm::ProductionSale,
        goods: "Lúa tươi ST25".into(),
        product: None,
        quantity: Fixed::from_int(1_000),
        unit: LotUnit::Tne,
        area_ha: Some(Fixed::from_int(150)),
        households: Some(90),
        price: "Giá thị trường tại thời điểm thu mua, cộng 200 đồng/kg".into(),
        signed_on: d(2026, 1, 5),
        starts_on: d(2026, 1, 10),
        ends_on: d(2026, 12, 31),
        ended_on: None,
        schedule,
    }
}

fn delivery(code: &str, on: Date, t: i64) -> Delivery {
    Delivery {
        code: code.into(),
        contract: "HĐLK-2026-01".into(),
        delivered_on: on,
        quantity: Fixed::from_int(t),
        lot: None,
    }
}

fn half_and_half() -> Vec<Installment> {
    vec![
        Installment {
            due: d(2026, 3, 31),
            quantity: Fixed::from_int(500),
        },
        Installment {
            due: d(2026, 8, 31),
            quantity: Fixed::from_int(500),
        },
    ]
}

#[test]
fn a_contract_is_on_schedule_late_at_risk_completed_or_short() {
    let c = contract(half_and_half());
    let st = |ds: &[Delivery], on: Date| {
        let r: Vec<&Delivery> = ds.iter().collect();
        fulfilment(&c, &r, on).standing
    };
    assert_eq!(st(&[], d(2026, 1, 1)), Standing::NotStarted);
    assert_eq!(
        st(&[], d(2026, 2, 1)),
        Standing::OnSchedule,
        "nothing due yet"
    );
    let some = [delivery("G1", d(2026, 3, 20), 450)];
    assert_eq!(st(&some, d(2026, 4, 1)), Standing::Late, "10 % behind");
    let little = [delivery("G1", d(2026, 3, 20), 300)];
    assert_eq!(st(&little, d(2026, 4, 1)), Standing::AtRisk, "40 % behind");
    let all = [
        delivery("G1", d(2026, 3, 20), 500),
        delivery("G2", d(2026, 8, 1), 500),
    ];
    assert_eq!(st(&all, d(2026, 9, 1)), Standing::Completed);
    assert_eq!(st(&little, d(2027, 1, 1)), Standing::Short);
    let r: Vec<&Delivery> = some.iter().collect();
    let f = fulfilment(&c, &r, d(2026, 4, 1));
    assert_eq!(
        (f.delivered, f.due),
        (Fixed::from_int(450), Fixed::from_int(500))
    );
    assert_eq!(f.delivered_pct, Some(Fixed::from_int(45)));
    // no schedule: the whole is due at the end of the term
    let plain = contract(vec![]);
    assert_eq!(plain.due_by(d(2026, 6, 1)), Fixed::ZERO);
    assert_eq!(plain.due_by(d(2026, 12, 31)), Fixed::from_int(1_000));
}

#[test]
fn a_contracts_problems_name_their_fields() {
    let o = crate::model::Organization {
        code: OrgCode::parse("HTX-1").unwrap(),
        kind: crate::types::OrgKind::Htx,
        name: "HTX".into(),
        sector: crate::types::Sector::Agriculture,
        commune: crate::UnitId(1),
        founded_on: d(2010, 1, 1),
        dissolved_on: None,
        registration_no: None,
    };
    let org_of = |c: &OrgCode| (c == &o.code).then_some(&o);
    assert!(contract_problems(&contract(half_and_half()), org_of, |_| None).is_empty());
    let mut bad = contract(vec![Installment {
        due: d(2027, 2, 1),
        quantity: Fixed::from_int(900),
    }]);
    bad.partner_tax_code = "14001234".into();
    bad.orgs.push(OrgCode::parse("NOWHERE").unwrap());
    bad.signed_on = d(2026, 2, 1);
    let fields: Vec<&str> = contract_problems(&bad, org_of, |_| None)
        .iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        fields,
        [
            "partner_tax_code",
            "orgs",
            "signed_on",
            "schedule",
            "schedule"
        ]
    );
    assert!(tax_code_fits("1400123456-001") && !tax_code_fits("1400123456-01"));
    // the product traded is one of a party's
    let product = |org: &str| crate::model::Product {
        code: "GAO".into(),
        org: OrgCode::parse(org).unwrap(),
        name: "Gạo".into(),
        group: crate::types::OcopGroup::Food,
        subgroup: String::new(),
        gtin: None,
        unit: "kg".into(),
        public: false,
    };
    let mut sold = contract(half_and_half());
    sold.product = Some("GAO".into());
    let ours = product("HTX-1");
    assert!(contract_problems(&sold, org_of, |_| Some(&ours)).is_empty());
    let theirs = product("HTX-2");
    let fields = |p: Problems| p.iter().map(|x| x.0).collect::<Vec<_>>();
    assert_eq!(
        fields(contract_problems(&sold, org_of, |_| Some(&theirs))),
        ["product"]
    );
    assert_eq!(
        fields(contract_problems(&sold, org_of, |_| None)),
        ["product"]
    );
}

#[test]
fn a_delivery_beyond_the_term_or_the_quantity_is_a_warning_and_before_signing_a_refusal() {
    let c = contract(half_and_half());
    let records = ContractRecords {
        projects: Vec::new(),
        contracts: vec![c.clone()],
        deliveries: vec![delivery("G1", d(2026, 3, 20), 800)],
    };
    let (e, w) = delivery_problems(&delivery("G2", d(2026, 5, 1), 100), Some(&c), &records);
    assert!(e.is_empty() && w.is_empty());
    let (e, w) = delivery_problems(&delivery("G2", d(2027, 1, 15), 300), Some(&c), &records);
    assert!(e.is_empty());
    assert_eq!(
        w.iter().map(|x| x.0).collect::<Vec<_>>(),
        ["delivered_on", "quantity"]
    );
    let text = w[1].2.render(crate::Lang::Vi);
    assert!(text.contains("1.100"), "{text}");
    let (e, _) = delivery_problems(&delivery("G2", d(2025, 12, 1), 1), Some(&c), &records);
    assert_eq!(e[0].0, "delivered_on");
    let (e, _) = delivery_problems(&delivery("G2", d(2026, 5, 1), 1), None, &records);
    assert_eq!(e[0].0, "contract");
}

fn project() -> LinkageProject {
    LinkageProject {
        code: "DA-LK-01".into(),
        name: "Liên kết lúa ST25".into(),
        lead: "Công ty TNHH Lương thực Đồng Tháp".into(),
        orgs: vec![OrgCode::parse("HTX-1").unwrap()],
        contracts: vec!["HĐLK-2026-01".into()],
        area_ha: Some(Fixed::from_int(150)),
        households: Some(90),
        investment_vnd: 4_000_000_000,
        support_approved_vnd: 1_200_000_000,
        approved_by: "UBND tỉnh".into(),
        decision: "QĐ 512/QĐ-UBND".into(),
        approved_on: d(2026, 2, 14),
        starts_on: d(2026, 3, 1),
        ends_on: d(2028, 12, 31),
    }
}

#[test]
fn a_projects_problems_name_their_fields_and_its_support_is_what_was_paid_under_it() {
    let o = crate::model::Organization {
        code: OrgCode::parse("HTX-1").unwrap(),
        kind: crate::types::OrgKind::Htx,
        name: "HTX".into(),
        sector: crate::types::Sector::Agriculture,
        commune: crate::UnitId(1),
        founded_on: d(2010, 1, 1),
        dissolved_on: None,
        registration_no: None,
    };
    let org_of = |c: &OrgCode| (c == &o.code).then_some(&o);
    let mut other = contract(half_and_half());
    other.code = "HĐLK-2026-09".into();
    other.orgs = vec![OrgCode::parse("HTX-2").unwrap()];
    let records = ContractRecords {
        contracts: vec![contract(half_and_half()), other],
        deliveries: Vec::new(),
        projects: vec![project()],
    };
    assert!(project_problems(&project(), org_of, &records).is_empty());
    let mut bad = project();
    bad.orgs.push(OrgCode::parse("NOWHERE").unwrap());
    bad.contracts = vec!["HĐLK-2026-09".into(), "NONE".into()];
    bad.investment_vnd = 1_000_000;
    bad.ends_on = d(2026, 1, 1);
    let fields: Vec<&str> = (project_problems(&bad, org_of, &records).iter())
        .map(|p| p.0)
        .collect();
    assert_eq!(
        fields,
        [
            "orgs",
            "contracts",
            "contracts",
            "support_approved_vnd",
            "ends_on"
        ]
    );
    let mut free = project();
    free.support_approved_vnd = 0;
    free.investment_vnd = 0;
    let fields: Vec<&str> = (project_problems(&free, org_of, &records).iter())
        .map(|p| p.0)
        .collect();
    assert_eq!(fields, ["investment_vnd"]);
    let paid =
        |code: &str, org: &str, project: Option<&str>, vnd: i64| crate::model::Disbursement {
            code: code.into(),
            policy: crate::types::SupportPolicy::Linkage,
            legal_basis: "NĐ 98/2018/NĐ-CP".into(),
            decision: "QĐ 600/QĐ-UBND".into(),
            org: OrgCode::parse(org).unwrap(),
            amount_vnd: vnd,
            source: "Ngân sách tỉnh".into(),
            paid_on: d(2026, 6, 30),
            project: project.map(Into::into),
        };
    let list = [
        paid("S1", "HTX-1", Some("DA-LK-01"), 300_000_000),
        paid("S2", "HTX-1", None, 50_000_000),
        paid("S3", "HTX-1", Some("DA-LK-01"), 200_000_001),
    ];
    assert_eq!(project_support_paid("DA-LK-01", &list), 500_000_001);
    assert!(disbursement_project_problems(&list[0], &records).is_empty());
    assert!(disbursement_project_problems(&list[1], &records).is_empty());
    let stranger = paid("S4", "HTX-2", Some("DA-LK-01"), 1);
    let nowhere = paid("S5", "HTX-1", Some("DA-LK-99"), 1);
    for x in [stranger, nowhere] {
        let p = disbursement_project_problems(&x, &records);
        assert_eq!(p.iter().map(|x| x.0).collect::<Vec<_>>(), ["project"]);
    }
}
