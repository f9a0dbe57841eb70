//! Who handles a review case (người phụ trách): an office or commune account within whose
//! scope the organisation lies. Each assignment is a step of the case's history, so the
//! case keeps who had it and when; the to-do page lists a person's own.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Account, Action, Resource, Role, permits};
use hoptac_store::StoredCase;

/// The step that records an assignment; its note is the account's name ("" to no one).
pub const ASSIGNED: &str = "assigned";

/// Who the case is assigned to now: the last assignment's account, if any.
pub fn assignee(case: &StoredCase) -> Option<&str> {
    case.actions
        .iter()
        .rev()
        .find(|a| a.action == ASSIGNED)
        .map(|a| a.note.as_str())
        .filter(|n| !n.is_empty())
}

impl App {
    /// The accounts a case may be given to: enabled office and commune accounts that may
    /// write the organisation.
    pub async fn case_assignees(&self, actor: &Actor, case_id: i64) -> Result<Vec<Account>> {
        let (_, org) = self.case_and_org(case_id).await?;
        self.authorize(
            actor,
            Action::Read,
            &Resource::Org {
                code: org.code.clone(),
                commune: org.commune,
            },
        )
        .await?;
        let units = self.units().await?;
        let r = Resource::Org {
            code: org.code.clone(),
            commune: org.commune,
        };
        let mut out: Vec<Account> = self
            .store()
            .accounts()
            .await?
            .into_iter()
            .filter(|a| {
                !a.disabled && a.role >= Role::Commune && permits(a, Action::Write, &r, &units)
            })
            .collect();
        out.sort_by(|a, b| a.username.cmp(&b.username));
        Ok(out)
    }

    async fn case_and_org(
        &self,
        case_id: i64,
    ) -> Result<(StoredCase, hoptac_core::model::Organization)> {
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
        Ok((case, org))
    }

    /// Gives an open case to `assignee` ("" takes it from whoever had it).
    pub async fn assign_case(&self, actor: &Actor, case_id: i64, assignee: &str) -> Result<()> {
        let (case, org) = self.case_and_org(case_id).await?;
        if actor.account.role < Role::Commune {
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
        if case.closed_at.is_some() {
            return Err(AppError::invalid(
                "case",
                case_id.to_string(),
                hoptac_core::msg!("review.case_closed"),
            ));
        }
        let assignee = assignee.trim();
        if !assignee.is_empty()
            && !self
                .case_assignees(actor, case_id)
                .await?
                .iter()
                .any(|a| a.username == assignee)
        {
            return Err(AppError::invalid(
                "assignee",
                assignee,
                hoptac_core::msg!("review.assignee_out_of_scope", who = assignee),
            ));
        }
        let mut e = self.audit_entry(
            actor,
            "assign",
            "cases",
            &case_id.to_string(),
            Some(org.commune),
        );
        e.before = Some(serde_json::json!({ "assignee": assignee_of(&case) }).to_string());
        e.after =
            Some(serde_json::json!({ "assignee": assignee, "org": org.code.as_str() }).to_string());
        let changes = hoptac_store::ChangeSet {
            audit: vec![e],
            ..Default::default()
        };
        let a = hoptac_store::CaseAction {
            at: crate::auth::now_text(),
            actor: actor.name().to_string(),
            action: ASSIGNED.into(),
            note: assignee.to_string(),
            on_date: None,
        };
        self.store()
            .add_case_action(case_id, &a, None, &changes)
            .await?;
        Ok(())
    }
}

fn assignee_of(case: &StoredCase) -> &str {
    assignee(case).unwrap_or("")
}
