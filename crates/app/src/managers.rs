//! Managers (cán bộ quản lý) one at a time, as the browser edits them: read one with the
//! version its form keeps, add, change (a renamed manager or a new start replaces the old
//! row in the same transaction), end a term, record a training.

use crate::ImportOutcome;
use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Role};
use hoptac_core::model::Manager;

impl App {
    /// One manager of an organisation by the short name of its row, with the version an
    /// edit form sends back.
    pub async fn manager(&self, actor: &Actor, org: &str, slug: &str) -> Result<(Manager, i64)> {
        let (code, _) = self.org_for(actor, org, Action::Read, Role::Viewer).await?;
        let m = self.manager_by_slug(&code, slug).await?;
        let v = self.row_version("managers", &m.audit_key()).await?;
        Ok((m, v))
    }

    /// Refuses (and records the refusal) unless the account may keep the managers of `org`:
    /// a form is offered only to who may send it.
    pub async fn check_manager_write(&self, actor: &Actor, org: &str) -> Result<()> {
        self.org_for(actor, org, Action::Write, Role::Org).await?;
        Ok(())
    }

    /// Saves the manager form of `org`: a new manager (`editing: None`) or the change of the
    /// one named by `slug`, still at `version`. The cooperative's own account may keep its
    /// own managers; office staff those of their territory.
    pub async fn save_manager(
        &self,
        actor: &Actor,
        org: &str,
        editing: Option<(&str, i64)>,
        fields: &[(&str, String)],
    ) -> Result<ImportOutcome> {
        let (code, _) = self.org_for(actor, org, Action::Write, Role::Org).await?;
        let replaces = match editing {
            None => None,
            Some((slug, version)) => Some((self.manager_by_slug(&code, slug).await?, version)),
        };
        self.save_manager_form(actor, &code, fields, replaces).await
    }

    /// The manager of `code` whose row has this short name.
    async fn manager_by_slug(&self, code: &hoptac_core::OrgCode, slug: &str) -> Result<Manager> {
        self.store()
            .managers_of(code)
            .await?
            .into_iter()
            .find(|m| m.slug() == slug)
            .ok_or_else(|| AppError::not_found("manager", format!("{code}/{slug}")))
    }
}
