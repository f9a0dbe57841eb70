//! Linkage contracts and deliveries read back: the queries every adapter runs and their
//! rows as core types (a contract's parties and schedule attached in order).

use super::{Columns, code, corrupt, date, enum_of, money, req_date, text};
use crate::port::error::Result;
use hoptac_core::OrgCode;
use hoptac_core::chain::{Contract, Delivery, Installment};
use hoptac_core::types::{LinkageForm, LotUnit};

pub const CONTRACTS: &str = "SELECT code, partner, partner_tax_code, form, goods, product_code, quantity, unit, \
     area_ha, households, price, signed_on, starts_on, ends_on, ended_on FROM contracts ORDER BY code";
pub const ORGS: &str =
    "SELECT contract_code, org_code FROM contract_orgs ORDER BY contract_code, position";
pub const INSTALLMENTS: &str = "SELECT contract_code, due, quantity FROM contract_installments \
     ORDER BY contract_code, position";
pub const DELIVERIES: &str =
    "SELECT code, contract_code, delivered_on, quantity, lot FROM deliveries ORDER BY code";

fn amount(r: &impl Columns, i: usize, t: &'static str) -> Result<hoptac_core::Fixed> {
    money(r, i)?.ok_or_else(|| corrupt(t, format!("column {i} is empty")))
}

/// `code, partner, partner_tax_code, form, goods, product_code, quantity, unit, area_ha,
/// households, price, signed_on, starts_on, ends_on, ended_on`, without parties and schedule
pub fn contract(r: &impl Columns) -> Result<Contract> {
    const T: &str = "contracts";
    Ok(Contract {
        code: text(r, 0, T)?,
        orgs: Vec::new(),
        partner: text(r, 1, T)?,
        partner_tax_code: text(r, 2, T)?,
        form: enum_of(r, 3, T, LinkageForm::parse)?,
        goods: text(r, 4, T)?,
        product: r.text(5)?,
        quantity: amount(r, 6, T)?,
        unit: enum_of(r, 7, T, LotUnit::parse)?,
        area_ha: money(r, 8)?,
        households: r.int(9)?,
        price: text(r, 10, T)?,
        signed_on: req_date(r, 11, T, "signed_on")?,
        starts_on: req_date(r, 12, T, "starts_on")?,
        ends_on: req_date(r, 13, T, "ends_on")?,
        ended_on: date(r, 14, T)?,
        schedule: Vec::new(),
    })
}

/// `contract_code, org_code`
pub fn party(r: &impl Columns) -> Result<(String, OrgCode)> {
    const T: &str = "contract_orgs";
    Ok((text(r, 0, T)?, code(r, 1, T)?))
}

/// `contract_code, due, quantity`
pub fn installment(r: &impl Columns) -> Result<(String, Installment)> {
    const T: &str = "contract_installments";
    Ok((
        text(r, 0, T)?,
        Installment {
            due: req_date(r, 1, T, "due")?,
            quantity: amount(r, 2, T)?,
        },
    ))
}

/// `code, contract_code, delivered_on, quantity, lot`
pub fn delivery(r: &impl Columns) -> Result<Delivery> {
    const T: &str = "deliveries";
    Ok(Delivery {
        code: text(r, 0, T)?,
        contract: text(r, 1, T)?,
        delivered_on: req_date(r, 2, T, "delivered_on")?,
        quantity: amount(r, 3, T)?,
        lot: r.text(4)?,
    })
}

/// Puts each contract's parties and installments in place (all lists in code order).
pub fn attach(
    contracts: &mut [Contract],
    parties: Vec<(String, OrgCode)>,
    installments: Vec<(String, Installment)>,
) -> Result<()> {
    let find = |contracts: &mut [Contract], code: &str| -> Result<usize> {
        contracts
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .map_err(|_| corrupt("contract_orgs", format!("no contract {code}")))
    };
    for (c, o) in parties {
        let i = find(contracts, &c)?;
        contracts[i].orgs.push(o);
    }
    for (c, x) in installments {
        let i = find(contracts, &c)?;
        contracts[i].schedule.push(x);
    }
    Ok(())
}
