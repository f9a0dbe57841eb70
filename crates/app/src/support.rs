//! Support disbursements (khoản chi hỗ trợ) as an office keeps them: each paid under a
//! policy to one organisation, in exact đồng, kept by the staff of the organisation's
//! commune and the offices above. Every problem of a form is said at once; an edit carries
//! the version it read; a disbursement moved to another organisation is checked on both;
//! every write and refusal is audited.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::model::{Disbursement, Organization, Snapshot, UnitId};
use hoptac_core::support::disbursement_problems;
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

const ENTITY: &str = "support_disbursements";

/// A disbursement as its page shows it.
#[derive(Debug, Clone)]
pub struct DisbursementView {
    pub disbursement: Disbursement,
    pub org_name: String,
    pub can_edit: bool,
}

/// Reads an amount in đồng as an office types it: `150.000.000`, `150 000 000` or
/// `150000000`; a fraction or anything else is refused with the value.
pub fn parse_amount(s: &str) -> std::result::Result<i64, hoptac_core::i18n::Msg> {
    let t = s.trim();
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    let bad = || hoptac_core::msg!("support.amount_not_whole", value = t);
    let (neg, body) = match digits.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, digits.as_str()),
    };
    if body.is_empty() || body.len() > 18 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    // grouping dots must group by three, so 1.5 (a decimal, not 1 500 đồng) is refused
    if t.contains('.')
        && t.trim_start_matches('-')
            .split('.')
            .skip(1)
            .any(|g| g.len() != 3)
    {
        return Err(bad());
    }
    let n: i64 = body.parse().map_err(|_| bad())?;
    Ok(if neg { -n } else { n })
}

/// Whether the account may read the organisation `code` of the snapshot.
pub(crate) fn reads_org(actor: &Actor, snap: &Snapshot, o: &Organization) -> bool {
    hoptac_core::auth::permits(
        &actor.account,
        Action::Read,
        &Resource::Org {
            code: o.code.clone(),
            commune: o.commune,
        },
        snap,
    )
}

impl App {
    /// Whether the account keeps the records of `org` (commune staff of its commune and the
    /// offices above): refused and audited otherwise.
    pub(crate) async fn may_keep_support_of(
        &self,
        actor: &Actor,
        entity: &str,
        o: &Organization,
    ) -> Result<()> {
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(actor, "refused", entity, o.code.as_str(), Some(o.commune));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(
            actor,
            Action::Write,
            &Resource::Org {
                code: o.code.clone(),
                commune: o.commune,
            },
        )
        .await
    }

    /// Whether the account may record support or events at all (before a form is shown).
    pub async fn check_support_write(&self, actor: &Actor) -> Result<()> {
        if actor.account.role < Role::Commune {
            let unit = self.account_unit(&actor.account).await?;
            let e = self.audit_entry(actor, "refused", ENTITY, "", unit);
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        Ok(())
    }

    /// The organisations the account may record support to, by name.
    pub async fn support_beneficiaries(&self, actor: &Actor) -> Result<Vec<Organization>> {
        if actor.account.role < Role::Commune {
            return Ok(Vec::new());
        }
        let snap = self.snapshot().await?;
        let mut out: Vec<Organization> = (snap.orgs.iter())
            .filter(|o| {
                hoptac_core::auth::permits(
                    &actor.account,
                    Action::Write,
                    &Resource::Org {
                        code: o.code.clone(),
                        commune: o.commune,
                    },
                    &*snap,
                )
            })
            .cloned()
            .collect();
        out.sort_by_cached_key(|o| hoptac_core::text::fold(&o.name));
        Ok(out)
    }

    /// The disbursements the account may read (to organisations it may read), newest first.
    pub async fn disbursements(&self, actor: &Actor) -> Result<Vec<(Disbursement, String)>> {
        let snap = self.snapshot().await?;
        let orgs: std::collections::HashMap<&hoptac_core::OrgCode, &Organization> =
            snap.orgs.iter().map(|o| (&o.code, o)).collect();
        let mut out: Vec<(Disbursement, String)> = (snap.support.disbursements.iter())
            .filter_map(|d| {
                let o = orgs.get(&d.org)?;
                reads_org(actor, &snap, o).then(|| (d.clone(), o.name.clone()))
            })
            .collect();
        out.sort_by(|a, b| (b.0.paid_on, &b.0.code).cmp(&(a.0.paid_on, &a.0.code)));
        Ok(out)
    }

    /// One disbursement, for an account that may read its organisation.
    pub async fn disbursement(&self, actor: &Actor, code: &str) -> Result<DisbursementView> {
        let snap = self.snapshot().await?;
        let found = (snap.support.disbursement(code))
            .and_then(|d| Some((d, snap.orgs.iter().find(|o| o.code == d.org)?)))
            .filter(|(_, o)| reads_org(actor, &snap, o));
        let Some((d, o)) = found else {
            // not found and not readable look alike from outside; the refusal is kept
            let e = self.audit_entry(actor, "refused", ENTITY, code, None);
            self.store().append_audit(&e).await?;
            return Err(AppError::not_found("disbursement", code));
        };
        let can_edit = actor.account.role >= Role::Commune
            && hoptac_core::auth::permits(
                &actor.account,
                Action::Write,
                &Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
                &*snap,
            );
        Ok(DisbursementView {
            disbursement: d.clone(),
            org_name: o.name.clone(),
            can_edit,
        })
    }

    /// Records a disbursement or corrects the one of `original` (its code stays): staff of
    /// the organisation it is paid to — and, when it moves, of the one it was paid to.
    pub async fn save_disbursement(
        &self,
        actor: &Actor,
        original: Option<&str>,
        d: Disbursement,
        version: i64,
    ) -> Result<Problems> {
        let d = Disbursement {
            project: (d.project.as_deref().map(str::trim))
                .filter(|p| !p.is_empty())
                .map(str::to_string),
            code: original
                .map(str::to_string)
                .unwrap_or(d.code.trim().to_string()),
            legal_basis: d.legal_basis.trim().to_string(),
            decision: d.decision.trim().to_string(),
            source: d.source.trim().to_string(),
            ..d
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let org_of = |c: &hoptac_core::OrgCode| snap.orgs.iter().find(|o| o.code == *c);
        // an organisation out of the account's reach is refused (and audited), not passed
        let org = org_of(&d.org);
        match org {
            Some(o) => self.may_keep_support_of(actor, ENTITY, o).await?,
            None => self.check_support_write(actor).await?,
        }
        let before = snap.support.disbursement(&d.code).cloned();
        if let Some(b) = &before {
            match org_of(&b.org) {
                Some(o) => self.may_keep_support_of(actor, ENTITY, o).await?,
                None => return Err(AppError::not_found("disbursement", &d.code)),
            }
        }
        let mut problems = disbursement_problems(&d, org);
        problems.extend(hoptac_core::linkage::disbursement_project_problems(
            &d,
            &snap.contracts,
        ));
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                d.code.clone(),
                hoptac_core::msg!("support.code_taken", code = d.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("disbursement", code)),
            _ => {}
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if before.as_ref() == Some(&d) {
            return Ok(Vec::new());
        }
        let unit = org.map(|o| o.commune);
        let mut c = ChangeSet::default();
        let action = match &before {
            Some(_) => {
                c.expect_versions
                    .push((ENTITY.into(), d.code.clone(), version));
                "update"
            }
            None => {
                c.expect_generation = Some(generation);
                "create"
            }
        };
        let mut e = self.audit_entry(actor, action, ENTITY, &d.code, unit);
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&d).ok();
        c.audit.push(e);
        c.disbursements.push(d);
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Takes out a disbursement recorded by mistake, with a reason: the audit keeps it.
    pub async fn remove_disbursement(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let v = self.disbursement(actor, code).await?;
        let snap = self.snapshot().await?;
        let unit = snap.orgs.iter().find(|o| o.code == v.disbursement.org);
        let Some(o) = unit else {
            return Err(AppError::not_found("disbursement", code));
        };
        self.may_keep_support_of(actor, ENTITY, o).await?;
        let unit = Some(o.commune);
        let before = serde_json::to_string(&v.disbursement).ok();
        let c = self
            .removal(actor, ENTITY, code, unit, before, reason, version)
            .await?;
        let c = ChangeSet {
            removed_disbursements: vec![code.to_string()],
            ..c
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// The change set of one record written, audited with what it was and is, at the
    /// version read (an edit) or the generation read (a create).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn write_set<T: serde::Serialize>(
        &self,
        actor: &Actor,
        entity: &str,
        key: &str,
        unit: Option<hoptac_core::UnitId>,
        before: Option<&T>,
        after: &T,
        generation: i64,
        version: i64,
    ) -> ChangeSet {
        let mut c = ChangeSet::default();
        let action = if before.is_some() {
            c.expect_versions
                .push((entity.into(), key.to_string(), version));
            "update"
        } else {
            c.expect_generation = Some(generation);
            "create"
        };
        let mut e = self.audit_entry(actor, action, entity, key, unit);
        e.before = before.and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(after).ok();
        c.audit.push(e);
        c
    }

    pub(crate) async fn commit(&self, c: ChangeSet) -> Result<Problems> {
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    pub(crate) async fn commit_removal(&self, c: ChangeSet) -> Result<()> {
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// The change set of a removal with a reason (required, kept in the audit with the
    /// record as it was), at the version read; the caller says what is removed.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn removal(
        &self,
        actor: &Actor,
        entity: &str,
        code: &str,
        unit: Option<UnitId>,
        before: Option<String>,
        reason: &str,
        version: i64,
    ) -> Result<ChangeSet> {
        let reason = crate::auth::bounded(reason.trim(), 500);
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("corrections.reason_required"),
            ));
        }
        let mut e = self.audit_entry(actor, "delete", entity, code, unit);
        e.before = before;
        e.after = Some(serde_json::json!({ "removed": true, "reason": reason }).to_string());
        Ok(ChangeSet {
            expect_versions: vec![(entity.into(), code.to_string(), version)],
            audit: vec![e],
            ..Default::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_are_read_as_offices_type_them() {
        assert_eq!(parse_amount("150.000.000"), Ok(150_000_000));
        assert_eq!(parse_amount(" 150 000 000 "), Ok(150_000_000));
        assert_eq!(parse_amount("7"), Ok(7));
        assert_eq!(parse_amount("-5.000.000"), Ok(-5_000_000));
        for bad in ["1.5", "1,5", "", "abc", "12.34.567", "99999999999999999999"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }
}
