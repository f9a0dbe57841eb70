//! An organisation entered by mistake (nhập nhầm, nhập trùng) taken out of the register with a
//! reason, and put back. Nothing is deleted: the record moves whole, with its managers and
//! registered services, into the archive (`archived_orgs`) and comes back from there.
//!
//! Only a record nothing else names can go: its yearly reports are archived first, one by
//! one; a record with evaluations, review cases, moves or accounts is a real organisation
//! and is dissolved or merged instead, so no history is ever cut from what it explains.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Role, Scope, permits};
use hoptac_store::{ArchivedOrg, ChangeSet, OrgArchive};

/// What still names an organisation, each a reason it cannot be archived.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attached {
    pub reports: usize,
    /// Evaluations and classifications.
    pub evaluations: usize,
    pub cases: usize,
    pub moves: usize,
    /// Hội quán profile, meetings and origins, and course attendances naming it.
    pub club_records: usize,
    /// Accounts acting for it.
    pub accounts: Vec<String>,
}

impl Attached {
    pub fn is_empty(&self) -> bool {
        *self == Attached::default()
    }

    /// Why `org` cannot be archived, in words.
    pub fn message(&self, org: &OrgCode) -> hoptac_core::i18n::Msg {
        let accounts = if self.accounts.is_empty() {
            "0".to_string()
        } else {
            self.accounts.join(", ")
        };
        hoptac_core::msg!(
            "corrections.org_still_named",
            org = org,
            reports = self.reports,
            evaluations = self.evaluations,
            cases = self.cases,
            moves = self.moves,
            clubs = self.club_records,
            accounts = accounts
        )
    }
}

/// The record as the audit shows it, field by field, its managers named in one field.
fn with_managers(
    o: &hoptac_core::model::Organization,
    managers: &[hoptac_core::model::Manager],
) -> String {
    let mut v = serde_json::to_value(o).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        let names: Vec<String> = managers
            .iter()
            .map(|x| format!("{} ({})", x.full_name, x.role.label("vi")))
            .collect();
        m.insert(
            "managers".into(),
            serde_json::Value::String(names.join("; ")),
        );
    }
    v.to_string()
}

impl App {
    /// What still names `org`: shown on its page beside the archive form, checked again
    /// before archiving.
    pub async fn attached_to(&self, actor: &Actor, org: &str) -> Result<Attached> {
        let (code, _) = self.org_for(actor, org, Action::Read, Role::Viewer).await?;
        self.attached(&code).await
    }

    async fn attached(&self, code: &OrgCode) -> Result<Attached> {
        let store = self.store();
        let snap = self.snapshot().await?;
        let evaluations = store
            .evaluations(None)
            .await?
            .iter()
            .filter(|e| e.org == *code)
            .count()
            + store
                .classifications(None)
                .await?
                .iter()
                .filter(|c| c.org == *code)
                .count();
        Ok(Attached {
            reports: store.reports_of(code).await?.len(),
            evaluations,
            cases: store
                .cases()
                .await?
                .iter()
                .filter(|c| c.org == *code)
                .count(),
            moves: snap.moves.iter().filter(|m| m.org == *code).count(),
            club_records: snap.task_records_naming(code),
            accounts: store
                .accounts()
                .await?
                .into_iter()
                .filter(|a| matches!(&a.scope, Scope::Org(c) if c == code))
                .map(|a| a.username)
                .collect(),
        })
    }

    /// Takes an organisation entered by mistake out of the register (lưu trữ): office or
    /// commune staff of its territory, with a reason, only while nothing else names it and
    /// only if the record is still at the version the page showed.
    pub async fn archive_org(
        &self,
        actor: &Actor,
        org: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let (code, o) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let reason = crate::auth::bounded(reason.trim(), 500);
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("corrections.reason_required"),
            ));
        }
        let _turn = self.write_gate.lock().await;
        let a = self.attached(&code).await?;
        if !a.is_empty() {
            return Err(AppError::invalid("org", code.to_string(), a.message(&code)));
        }
        let managers = self.store().managers_of(&code).await?;
        let mut e = self.audit_entry(
            actor,
            "archive",
            "organizations",
            code.as_str(),
            Some(o.commune),
        );
        e.before = Some(with_managers(&o, &managers));
        e.after = Some(serde_json::json!({ "archived": true, "reason": reason }).to_string());
        let c = ChangeSet {
            archived_orgs: vec![OrgArchive {
                org: code.clone(),
                at: crate::auth::now_text(),
                actor: actor.name().to_string(),
                reason,
            }],
            expect_versions: vec![("organizations".into(), code.to_string(), version)],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// The organisations taken out of the register that the account may read, newest first.
    pub async fn archived_orgs(&self, actor: &Actor) -> Result<Vec<ArchivedOrg>> {
        let snap = self.snapshot().await?;
        Ok(self
            .store()
            .archived_orgs()
            .await?
            .into_iter()
            .filter(|a| {
                permits(
                    &actor.account,
                    Action::Read,
                    &Resource::Org {
                        code: a.org.code.clone(),
                        commune: a.org.commune,
                    },
                    &*snap,
                )
            })
            .collect())
    }

    /// Puts an archived organisation back into the register (khôi phục) as it was, with its
    /// managers and services: staff of its territory, once, while no other record took its
    /// code in between.
    pub async fn restore_org(&self, actor: &Actor, archive_id: i64) -> Result<OrgCode> {
        let _turn = self.write_gate.lock().await;
        let a = self
            .store()
            .archived_orgs()
            .await?
            .into_iter()
            .find(|a| a.id == archive_id)
            .ok_or_else(|| AppError::not_found("archived_org", archive_id.to_string()))?;
        let code = a.org.code.clone();
        let r = Resource::Org {
            code: code.clone(),
            commune: a.org.commune,
        };
        if actor.account.role < Role::Commune {
            self.record_refusal(actor, "organizations", code.as_str())
                .await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &r).await?;
        if a.restored_at.is_some() {
            return Err(AppError::invalid(
                "archive",
                archive_id.to_string(),
                hoptac_core::msg!("corrections.org_already_restored", org = code),
            ));
        }
        if self.store().org(&code).await?.is_some() {
            return Err(AppError::invalid(
                "code",
                code.to_string(),
                hoptac_core::msg!("corrections.org_code_taken", org = code),
            ));
        }
        let mut e = self.audit_entry(
            actor,
            "restore",
            "organizations",
            code.as_str(),
            Some(a.org.commune),
        );
        e.after = Some(with_managers(&a.org, &a.managers));
        let c = ChangeSet {
            restored_orgs: vec![(a.id, crate::auth::now_text())],
            // the code was free when read; the version check keeps it so to the commit
            expect_versions: vec![(
                "organizations".into(),
                code.to_string(),
                self.row_version("organizations", code.as_str()).await?,
            )],
            orgs: vec![a.org],
            managers: a.managers,
            registered: vec![(code.clone(), a.services)],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(code),
        }
    }
}
