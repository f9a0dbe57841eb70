//! Linkage contracts as the cooperatives and offices read them, with where each stands
//! today, and their deliveries: recorded by whoever writes every cooperative party to the
//! contract; a delivery beyond the term or the quantity is shown as a warning first and
//! saved only when sent again.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::chain::{Contract, Delivery};
use hoptac_core::linkage::{Fulfilment, delivery_problems, fulfilment};
use hoptac_core::model::Snapshot;
use hoptac_core::{Date, OrgCode};
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

const CONTRACTS: &str = "contracts";
const DELIVERIES: &str = "deliveries";

/// A contract as the list shows it.
#[derive(Debug, Clone)]
pub struct ContractView {
    pub contract: Contract,
    /// The names of its cooperatives, the lead first.
    pub orgs: Vec<String>,
    pub fulfilment: Fulfilment,
    pub deliveries: Vec<Delivery>,
    /// Whether the account writes every cooperative of it (records its deliveries).
    pub can_edit: bool,
}

fn permits(
    actor: &Actor,
    snap: &Snapshot,
    code: &OrgCode,
    action: hoptac_core::auth::Action,
) -> bool {
    snap.orgs.iter().find(|o| o.code == *code).is_some_and(|o| {
        hoptac_core::auth::permits(
            &actor.account,
            action,
            &hoptac_core::auth::Resource::Org {
                code: o.code.clone(),
                commune: o.commune,
            },
            snap,
        )
    })
}

impl App {
    /// The contracts the account reads (one of their cooperatives), newest first, each as it
    /// stands on `today`.
    pub async fn contracts(&self, actor: &Actor, today: Date) -> Result<Vec<ContractView>> {
        use hoptac_core::auth::Action;
        let snap = self.snapshot().await?;
        let k = &snap.contracts;
        let mut out: Vec<ContractView> = (k.contracts.iter())
            .filter(|c| {
                c.orgs
                    .iter()
                    .any(|o| permits(actor, &snap, o, Action::Read))
            })
            .map(|c| {
                let ds = k.deliveries_of(&c.code);
                ContractView {
                    orgs: (c.orgs.iter())
                        .map(|o| {
                            (snap.orgs.iter())
                                .find(|x| x.code == *o)
                                .map(|x| x.name.clone())
                                .unwrap_or_else(|| o.to_string())
                        })
                        .collect(),
                    fulfilment: fulfilment(c, &ds, today),
                    deliveries: ds.into_iter().cloned().collect(),
                    can_edit: c
                        .orgs
                        .iter()
                        .all(|o| permits(actor, &snap, o, Action::Write)),
                    contract: c.clone(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            (b.contract.signed_on, &b.contract.code).cmp(&(a.contract.signed_on, &a.contract.code))
        });
        Ok(out)
    }

    /// Whether the account writes every cooperative of `c`: refused and audited otherwise.
    async fn writes_contract(&self, actor: &Actor, snap: &Snapshot, c: &Contract) -> Result<()> {
        for code in &c.orgs {
            match snap.orgs.iter().find(|o| o.code == *code) {
                Some(o) => self.may_write_org(actor, o).await?,
                None => return Err(AppError::not_found("org", code.as_str())),
            }
        }
        Ok(())
    }

    /// One contract the account reads, as the list shows it: not found (and the refusal
    /// audited) otherwise.
    pub async fn contract(&self, actor: &Actor, code: &str, today: Date) -> Result<ContractView> {
        match (self.contracts(actor, today).await?.into_iter()).find(|v| v.contract.code == code) {
            Some(v) => Ok(v),
            None => {
                let unit = self.account_unit(&actor.account).await?;
                let e = self.audit_entry(actor, "refused", CONTRACTS, code, unit);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("contract", code))
            }
        }
    }

    /// Records a linkage contract, or corrects the one of `original`: by an account that
    /// writes every cooperative party to it, those it named before included.
    pub async fn save_contract(
        &self,
        actor: &Actor,
        original: Option<&str>,
        c: Contract,
        version: i64,
    ) -> Result<Problems> {
        let c = Contract {
            code: original
                .map(str::to_string)
                .unwrap_or(c.code.trim().to_string()),
            partner: c.partner.trim().to_string(),
            partner_tax_code: c.partner_tax_code.trim().to_string(),
            goods: c.goods.trim().to_string(),
            price: c.price.trim().to_string(),
            ..c
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        self.check_write(actor, CONTRACTS).await?;
        let k = &snap.contracts;
        let before = k.contract(&c.code).cloned();
        let org_of = |o: &OrgCode| snap.orgs.iter().find(|x| x.code == *o);
        let problems =
            hoptac_core::linkage::contract_problems(&c, org_of, |p| snap.products.product(p));
        let mut problems = problems;
        if problems.iter().all(|(f, _, _)| *f != "orgs") {
            self.writes_contract(actor, &snap, &c).await?;
        }
        if let Some(b) = &before {
            self.writes_contract(actor, &snap, b).await?;
        }
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                c.code.clone(),
                hoptac_core::msg!("support.code_taken", code = c.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("contract", code)),
            _ => {}
        }
        // a project resting on it keeps one of its cooperatives a party
        for p in (k.projects.iter()).filter(|p| p.contracts.contains(&c.code)) {
            if !c.orgs.iter().any(|o| p.orgs.contains(o)) {
                problems.push((
                    "orgs",
                    p.code.clone(),
                    hoptac_core::msg!("linkage.contract_not_of_project", code = c.code),
                ));
            }
        }
        if !problems.is_empty() || before.as_ref() == Some(&c) {
            return Ok(problems);
        }
        let unit = c.orgs.first().and_then(org_of).map(|o| o.commune);
        let mut set = self.write_set(
            actor,
            CONTRACTS,
            &c.code,
            unit,
            before.as_ref(),
            &c,
            generation,
            version,
        );
        set.contracts.push(c);
        self.commit(set).await
    }

    /// Takes out a contract entered by mistake, with a reason: refused while deliveries are
    /// recorded against it (they are taken out first, each with its own reason) or a
    /// linkage project rests on it.
    pub async fn remove_contract(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let snap = self.snapshot().await?;
        let Some(c) = snap.contracts.contract(code).cloned() else {
            self.check_write(actor, CONTRACTS).await?;
            return Err(AppError::not_found("contract", code));
        };
        self.writes_contract(actor, &snap, &c).await?;
        if let Some(p) =
            (snap.contracts.projects.iter()).find(|p| p.contracts.iter().any(|k| k == code))
        {
            return Err(AppError::invalid(
                "code",
                code,
                hoptac_core::msg!("linkage.contract_in_project", code = p.code),
            ));
        }
        let n = snap.contracts.deliveries_of(code).len();
        if n > 0 {
            return Err(AppError::invalid(
                "code",
                code,
                hoptac_core::msg!("linkage.contract_has_deliveries", count = n),
            ));
        }
        let unit = (c.orgs.first())
            .and_then(|o| snap.orgs.iter().find(|x| x.code == *o))
            .map(|o| o.commune);
        let set = self
            .removal(
                actor,
                CONTRACTS,
                code,
                unit,
                serde_json::to_string(&c).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_contracts: vec![code.to_string()],
            ..set
        })
        .await
    }

    /// Takes out a delivery entered by mistake, with a reason.
    pub async fn remove_delivery(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let snap = self.snapshot().await?;
        let k = &snap.contracts;
        let Some((d, c)) = (k.delivery(code)).and_then(|d| Some((d, k.contract(&d.contract)?)))
        else {
            self.check_write(actor, DELIVERIES).await?;
            return Err(AppError::not_found("delivery", code));
        };
        self.writes_contract(actor, &snap, c).await?;
        let unit = (c.orgs.first())
            .and_then(|o| snap.orgs.iter().find(|x| x.code == *o))
            .map(|o| o.commune);
        let set = self
            .removal(
                actor,
                DELIVERIES,
                code,
                unit,
                serde_json::to_string(d).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_deliveries: vec![code.to_string()],
            ..set
        })
        .await
    }

    /// Records a delivery or corrects the one of `original`: its refusals, and its warnings
    /// (nothing written while there are some, unless `accept_warnings`).
    pub async fn save_delivery(
        &self,
        actor: &Actor,
        original: Option<&str>,
        d: Delivery,
        version: i64,
        accept_warnings: bool,
    ) -> Result<(Problems, Problems)> {
        let d = Delivery {
            code: original
                .map(str::to_string)
                .unwrap_or(d.code.trim().to_string()),
            ..d
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let k = &snap.contracts;
        let Some(c) = k.contract(&d.contract) else {
            self.check_write(actor, DELIVERIES).await?;
            return Err(AppError::not_found("contract", &d.contract));
        };
        self.writes_contract(actor, &snap, c).await?;
        let before = k.delivery(&d.code).cloned();
        if let Some(b) = &before
            && let Some(old) = k.contract(&b.contract)
        {
            self.writes_contract(actor, &snap, old).await?;
        }
        let (mut errors, warnings) = delivery_problems(&d, Some(c), k);
        match (original, &before) {
            (None, Some(_)) => errors.push((
                "code",
                d.code.clone(),
                hoptac_core::msg!("support.code_taken", code = d.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("delivery", code)),
            _ => {}
        }
        if !errors.is_empty() || (!warnings.is_empty() && !accept_warnings) {
            return Ok((errors, warnings));
        }
        if before.as_ref() == Some(&d) {
            return Ok((Vec::new(), Vec::new()));
        }
        let unit = (c.orgs.first())
            .and_then(|o| snap.orgs.iter().find(|x| x.code == *o))
            .map(|o| o.commune);
        let mut set = self.write_set(
            actor,
            DELIVERIES,
            &d.code,
            unit,
            before.as_ref(),
            &d,
            generation,
            version,
        );
        set.deliveries.push(d);
        self.commit(set).await.map(|_| (Vec::new(), Vec::new()))
    }
}

/// The planting areas and linkage contracts of an organisation as its profile lists them,
/// contracts with where each stands on `today`.
pub(crate) fn profile_lines(snap: &Snapshot, org: &OrgCode, today: Date) -> Vec<String> {
    let date = hoptac_core::date::to_vi;
    let areas = (snap.trace.facilities.iter())
        .filter(|f| f.org == *org)
        .map(|f| {
            format!(
                "{} {} ({}{}): {}.",
                f.kind.label_vi(),
                f.code,
                f.crop,
                f.area_ha
                    .map(|a| format!(", {} ha", a.format_vi(2, false)))
                    .unwrap_or_default(),
                f.status.label_vi().to_lowercase()
            )
        });
    let k = &snap.contracts;
    let contracts = (k.contracts.iter())
        .filter(|c| c.orgs.contains(org))
        .map(|c| {
            let f = fulfilment(c, &k.deliveries_of(&c.code), today);
            format!(
                "Hợp đồng liên kết {} với {} ({}, {} – {}): đã giao {} / {} {}, {}.",
                c.code,
                c.partner,
                c.goods,
                date(c.starts_on),
                date(c.ends_on),
                f.delivered.format_vi(3, false),
                c.quantity.format_vi(3, false),
                c.unit.label_vi(),
                f.standing.label_vi().to_lowercase()
            )
        });
    areas.chain(contracts).collect()
}

/// The contracts of the organisations `mine` keeps that are behind, at risk or ended short
/// on `today`: what an office (or the cooperative) should look at.
pub(crate) fn behind_in(
    snap: &Snapshot,
    mine: impl Fn(&hoptac_core::model::Organization) -> bool,
    today: Date,
) -> Vec<(Contract, Fulfilment)> {
    use hoptac_core::linkage::Standing;
    let k = &snap.contracts;
    (k.contracts.iter())
        .filter(|c| {
            c.orgs
                .iter()
                .any(|o| snap.orgs.iter().any(|x| x.code == *o && mine(x)))
        })
        .filter_map(|c| {
            let f = fulfilment(c, &k.deliveries_of(&c.code), today);
            // a contract ended short is shown for the year after its end, then left to the
            // records
            let recent = c.ends_on.year() + 1 >= today.year();
            matches!(
                f.standing,
                Standing::Late | Standing::AtRisk | Standing::Short
            )
            .then_some(())
            .filter(|_| f.standing != Standing::Short || recent)
            .map(|_| (c.clone(), f))
        })
        .collect()
}
