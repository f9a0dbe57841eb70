//! Corrections (sửa sai): a yearly report entered by mistake taken out of the register with
//! a reason, and put back. Nothing is deleted: the report moves whole into the archive
//! (`archived_reports`), exact to the đồng, and comes back from there.

use crate::auth::Actor;
use crate::context::{App, check_year};
use crate::error::{AppError, Result};
use crate::reporting::LocksInForce;
use hoptac_core::auth::{Action, Role};
use hoptac_core::model::UnitId;
use hoptac_store::{ArchivedReport, ChangeSet, ReportArchive};

impl App {
    /// Takes a yearly report out of the register (lưu trữ): office staff of its territory,
    /// with a reason, while the year is open, and only if the report is still at the
    /// version the page showed.
    pub async fn archive_report(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        check_year(year)?;
        let (code, o) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let key = format!("{code}/{year}");
        let reason = crate::auth::bounded(reason.trim(), 500);
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("corrections.reason_required"),
            ));
        }
        let _turn = self.write_gate.lock().await;
        let report = self
            .store()
            .reports_of(&code)
            .await?
            .into_iter()
            .find(|r| r.year.get() == year)
            .ok_or_else(|| AppError::not_found("report", key.clone()))?;
        self.refuse_closed_year(o.commune, year).await?;
        let at = crate::auth::now_text();
        let mut e = self.audit_entry(actor, "archive", "annual_reports", &key, Some(o.commune));
        e.before = serde_json::to_string(&report).ok();
        e.after = Some(serde_json::json!({ "archived": true, "reason": reason }).to_string());
        let c = ChangeSet {
            archived_reports: vec![ReportArchive {
                org: code.clone(),
                year,
                at,
                actor: actor.name().to_string(),
                reason,
            }],
            expect_versions: vec![("annual_reports".into(), key, version)],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// Refuses (and records the refusal) unless the account may archive and restore the
    /// reports of `org`: the archive form is offered only to who may send it.
    pub async fn check_correction(&self, actor: &Actor, org: &str) -> Result<()> {
        self.org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        Ok(())
    }

    /// The yearly reports of an organisation taken out of the register, newest first, for
    /// whoever may read the organisation.
    pub async fn archived_reports(&self, actor: &Actor, org: &str) -> Result<Vec<ArchivedReport>> {
        let (code, _) = self.org_for(actor, org, Action::Read, Role::Viewer).await?;
        Ok(self.store().archived_reports(&code).await?)
    }

    /// Puts an archived report back into the register (khôi phục), as it was: office staff of
    /// its territory, while the year is open and no other report of that year was entered
    /// since.
    pub async fn restore_report(&self, actor: &Actor, org: &str, archive_id: i64) -> Result<()> {
        let (code, o) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let _turn = self.write_gate.lock().await;
        let a = self
            .store()
            .archived_reports(&code)
            .await?
            .into_iter()
            .find(|a| a.id == archive_id)
            .ok_or_else(|| AppError::not_found("archived_report", archive_id.to_string()))?;
        let year = a.report.year.get();
        if a.restored_at.is_some() {
            return Err(AppError::invalid(
                "archive",
                archive_id.to_string(),
                hoptac_core::msg!("corrections.already_restored", year = year, org = code),
            ));
        }
        let taken = self
            .store()
            .reports_of(&code)
            .await?
            .iter()
            .any(|r| r.year.get() == year);
        if taken {
            return Err(AppError::invalid(
                "year",
                year.to_string(),
                hoptac_core::msg!("corrections.year_taken", year = year, org = code),
            ));
        }
        self.refuse_closed_year(o.commune, year).await?;
        let key = format!("{code}/{year}");
        let mut e = self.audit_entry(actor, "restore", "annual_reports", &key, Some(o.commune));
        e.after = serde_json::to_string(&a.report).ok();
        let c = ChangeSet {
            restored_reports: vec![(a.id, crate::auth::now_text())],
            reports: vec![a.report],
            // no report of the year entered in between (the row had no change since the
            // archive, whose entry is its last)
            expect_versions: vec![(
                "annual_reports".into(),
                key.clone(),
                self.row_version("annual_reports", &key).await?,
            )],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// A closed reporting year over the commune refuses a correction, naming who closed it.
    async fn refuse_closed_year(&self, commune: UnitId, year: i32) -> Result<()> {
        let locks = self.store().reporting_locks().await?;
        let snap = self.snapshot().await?;
        if let Some(l) = LocksInForce::new(&locks, &snap.units).over(commune, year) {
            return Err(AppError::invalid(
                "year",
                year.to_string(),
                hoptac_core::msg!(
                    "import.year_closed",
                    year = year,
                    actor = l.actor,
                    at = l.at
                ),
            ));
        }
        Ok(())
    }
}
