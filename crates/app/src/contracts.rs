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
        let mut set = ChangeSet::default();
        let action = if before.is_some() {
            set.expect_versions
                .push((DELIVERIES.into(), d.code.clone(), version));
            "update"
        } else {
            set.expect_generation = Some(generation);
            "create"
        };
        let mut e = self.audit_entry(actor, action, DELIVERIES, &d.code, unit);
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&d).ok();
        set.audit.push(e);
        set.deliveries.push(d);
        match self.apply(&set).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok((Vec::new(), Vec::new())),
        }
    }
}
