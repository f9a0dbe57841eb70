//! Reopening a closed review case (mở lại hồ sơ rà soát) with its reason; a dissolution the
//! case recorded is taken back in the same transaction, so a mistaken "dissolution
//! completed" is undone without touching the database by hand.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Resource};

impl App {
    pub async fn reopen_case(&self, actor: &Actor, case_id: i64, reason: &str) -> Result<()> {
        let case = self
            .store()
            .cases()
            .await?
            .into_iter()
            .find(|c| c.id == case_id)
            .ok_or_else(|| AppError::not_found("case", case_id.to_string()))?;
        let org = self
            .store()
            .org(&case.org)
            .await?
            .ok_or_else(|| AppError::not_found("org", case.org.to_string()))?;
        // as for any step on a case: office and commune staff, within their scope
        if actor.account.role < hoptac_core::auth::Role::Commune {
            let e = self.audit_entry(
                actor,
                "refused",
                "cases",
                &case_id.to_string(),
                Some(org.commune),
            );
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(
            actor,
            Action::Write,
            &Resource::Org {
                code: org.code.clone(),
                commune: org.commune,
            },
        )
        .await?;
        if case.closed_at.is_none() {
            return Err(AppError::invalid(
                "case",
                case_id.to_string(),
                hoptac_core::msg!("review.case_not_closed"),
            ));
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("review.reopen_reason_required"),
            ));
        }
        let mut changes = hoptac_store::ChangeSet::default();
        // the dissolution this case completed, if the register still carries it
        let completed = case
            .actions
            .iter()
            .rev()
            .find(|a| a.action == crate::checks::CaseStep::DissolutionCompleted.code())
            .and_then(|a| a.on_date);
        let undo = completed.is_some() && org.dissolved_on == completed;
        if undo {
            let back = hoptac_core::model::Organization {
                dissolved_on: None,
                ..org.clone()
            };
            let key = org.code.to_string();
            changes.expect_versions.push((
                "organizations".into(),
                key.clone(),
                self.row_version("organizations", &key).await?,
            ));
            changes.audit.push(self.change_entry(
                actor,
                "organizations",
                &key,
                Some(org.commune),
                Some(&org),
                &back,
            ));
            changes.orgs.push(back);
        }
        let mut e = self.audit_entry(
            actor,
            "reopen",
            "cases",
            &case_id.to_string(),
            Some(org.commune),
        );
        e.before = Some(
            serde_json::json!({ "closed_at": case.closed_at, "closed_reason": case.closed_reason })
                .to_string(),
        );
        e.after = Some(
            serde_json::json!({ "org": org.code.as_str(), "reason": reason, "dissolution_undone": undo })
                .to_string(),
        );
        changes.audit.push(e);
        let a = hoptac_store::CaseAction {
            at: crate::auth::now_text(),
            actor: actor.name().to_string(),
            action: "reopened".into(),
            note: reason.to_string(),
            on_date: None,
        };
        match self.store().reopen_case(case_id, &a, &changes).await {
            Ok(()) => Ok(()),
            Err(e) => Err(self.stale(e.into()).await),
        }
    }
}
