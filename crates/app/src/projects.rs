//! Linkage projects and plans approved for support (dự án, kế hoạch liên kết, NĐ 98/2018
//! Art. 7–9) as an office keeps them: the approving decision, the cooperatives taking part,
//! the contracts it rests on, the support approved beside the support paid (the
//! disbursements that name it). Kept by the staff of every cooperative's commune and the
//! offices above; a project edited is checked on the cooperatives it named and names now;
//! every write and refusal is audited.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::chain::LinkageProject;
use hoptac_core::linkage::{project_problems, project_support_paid};
use hoptac_core::model::{Disbursement, Snapshot};
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

const ENTITY: &str = "linkage_projects";

/// A project as its page shows it.
#[derive(Debug, Clone)]
pub struct ProjectView {
    pub project: LinkageProject,
    /// The names of its cooperatives, in its order.
    pub orgs: Vec<String>,
    /// The support paid under it (đ), and the disbursements the account reads.
    pub paid_vnd: i64,
    pub disbursements: Vec<Disbursement>,
    /// Whether the account keeps every cooperative of it.
    pub can_edit: bool,
}

fn permits(actor: &Actor, snap: &Snapshot, code: &OrgCode, action: Action) -> bool {
    snap.orgs.iter().find(|o| o.code == *code).is_some_and(|o| {
        hoptac_core::auth::permits(
            &actor.account,
            action,
            &Resource::Org {
                code: o.code.clone(),
                commune: o.commune,
            },
            snap,
        )
    })
}

fn view(actor: &Actor, snap: &Snapshot, p: &LinkageProject) -> ProjectView {
    let paid = &snap.support.disbursements;
    ProjectView {
        orgs: (p.orgs.iter())
            .map(|o| {
                (snap.orgs.iter())
                    .find(|x| x.code == *o)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| o.to_string())
            })
            .collect(),
        paid_vnd: project_support_paid(&p.code, paid),
        disbursements: (paid.iter())
            .filter(|d| d.project.as_deref() == Some(p.code.as_str()))
            .filter(|d| permits(actor, snap, &d.org, Action::Read))
            .cloned()
            .collect(),
        can_edit: actor.account.role >= Role::Commune
            && p.orgs
                .iter()
                .all(|o| permits(actor, snap, o, Action::Write)),
        project: p.clone(),
    }
}

impl App {
    /// The projects the account reads (one of their cooperatives), newest approval first.
    pub async fn projects(&self, actor: &Actor) -> Result<Vec<ProjectView>> {
        let snap = self.snapshot().await?;
        let mut out: Vec<ProjectView> = (snap.contracts.projects.iter())
            .filter(|p| {
                p.orgs
                    .iter()
                    .any(|o| permits(actor, &snap, o, Action::Read))
            })
            .map(|p| view(actor, &snap, p))
            .collect();
        out.sort_by(|a, b| {
            (b.project.approved_on, &b.project.code).cmp(&(a.project.approved_on, &a.project.code))
        });
        Ok(out)
    }

    /// One project the account reads: not found (and the refusal audited) otherwise.
    pub async fn project(&self, actor: &Actor, code: &str) -> Result<ProjectView> {
        let snap = self.snapshot().await?;
        match (snap.contracts.project(code)).filter(|p| {
            p.orgs
                .iter()
                .any(|o| permits(actor, &snap, o, Action::Read))
        }) {
            Some(p) => Ok(view(actor, &snap, p)),
            None => {
                let unit = self.account_unit(&actor.account).await?;
                let e = self.audit_entry(actor, "refused", ENTITY, code, unit);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("linkage_project", code))
            }
        }
    }

    /// Whether the account may record projects at all (before a form is shown): commune
    /// staff and the offices above.
    pub async fn check_project_write(&self, actor: &Actor) -> Result<()> {
        if actor.account.role < Role::Commune {
            let unit = self.account_unit(&actor.account).await?;
            let e = self.audit_entry(actor, "refused", ENTITY, "", unit);
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        Ok(())
    }

    /// Whether the account keeps every cooperative `p` names: refused and audited otherwise.
    async fn keeps_project(
        &self,
        actor: &Actor,
        snap: &Snapshot,
        p: &LinkageProject,
    ) -> Result<()> {
        for code in &p.orgs {
            if let Some(o) = snap.orgs.iter().find(|o| o.code == *code) {
                self.may_keep_support_of(actor, ENTITY, o).await?;
            }
        }
        Ok(())
    }

    /// Records a project, or corrects the one of `original` (its code stays): by an account
    /// that keeps every cooperative of it, those it named before included. A cooperative
    /// paid under it stays in it.
    pub async fn save_project(
        &self,
        actor: &Actor,
        original: Option<&str>,
        p: LinkageProject,
        version: i64,
    ) -> Result<Problems> {
        let p = LinkageProject {
            code: original
                .map(str::to_string)
                .unwrap_or(p.code.trim().to_string()),
            name: p.name.trim().to_string(),
            lead: p.lead.trim().to_string(),
            approved_by: p.approved_by.trim().to_string(),
            decision: p.decision.trim().to_string(),
            contracts: (p.contracts.iter())
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            ..p
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        self.check_project_write(actor).await?;
        let org_of = |o: &OrgCode| snap.orgs.iter().find(|x| x.code == *o);
        let mut problems = project_problems(&p, org_of, &snap.contracts);
        self.keeps_project(actor, &snap, &p).await?;
        let before = snap.contracts.project(&p.code).cloned();
        if let Some(b) = &before {
            self.keeps_project(actor, &snap, b).await?;
        }
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                p.code.clone(),
                hoptac_core::msg!("support.code_taken", code = p.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("linkage_project", code)),
            _ => {}
        }
        for d in (snap.support.disbursements.iter())
            .filter(|d| d.project.as_deref() == Some(p.code.as_str()) && !p.orgs.contains(&d.org))
        {
            problems.push((
                "orgs",
                d.org.to_string(),
                hoptac_core::msg!("linkage.org_not_in_project", org = d.org, code = p.code),
            ));
        }
        if !problems.is_empty() || before.as_ref() == Some(&p) {
            return Ok(problems);
        }
        let unit = p.orgs.first().and_then(org_of).map(|o| o.commune);
        let mut set = self.write_set(
            actor,
            ENTITY,
            &p.code,
            unit,
            before.as_ref(),
            &p,
            generation,
            version,
        );
        set.projects.push(p);
        self.commit(set).await
    }

    /// Takes out a project entered by mistake, with a reason: refused while disbursements
    /// name it (they are unlinked or taken out first).
    pub async fn remove_project(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let snap = self.snapshot().await?;
        self.check_project_write(actor).await?;
        let Some(p) = snap.contracts.project(code).cloned() else {
            return Err(AppError::not_found("linkage_project", code));
        };
        self.keeps_project(actor, &snap, &p).await?;
        let n = (snap.support.disbursements.iter())
            .filter(|d| d.project.as_deref() == Some(code))
            .count();
        if n > 0 {
            return Err(AppError::invalid(
                "code",
                code,
                hoptac_core::msg!("linkage.project_has_support", count = n),
            ));
        }
        let unit = (p.orgs.first())
            .and_then(|o| snap.orgs.iter().find(|x| x.code == *o))
            .map(|o| o.commune);
        let set = self
            .removal(
                actor,
                ENTITY,
                code,
                unit,
                serde_json::to_string(&p).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_projects: vec![code.to_string()],
            ..set
        })
        .await
    }
}
