//! Merging two records of one organisation (hợp nhất bản ghi): previewed, recorded, undoable.

use crate::{auth::Actor, context::App, context::find_unit, error::AppError, error::Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Role, Scope};
use hoptac_core::model::{Organization, Snapshot};
use hoptac_exchange::write::{Headers, PlanData, write_xlsx};
use hoptac_store::{ChangeSet, MergeRecord};

/// What a merge would do.
#[derive(Debug, Clone)]
pub struct MergePreview {
    pub keep: Organization,
    pub drop: Organization,
    /// Years only `drop` has a report for: they move to `keep`.
    pub move_years: Vec<i32>,
    /// Years both have: `keep`'s report stays, `drop`'s is archived.
    pub conflict_years: Vec<i32>,
    pub move_managers: usize,
    pub same_managers: usize,
    pub cases: usize,
    /// Usernames of the accounts that act for `drop`: they will act for `keep`.
    pub accounts: Vec<String>,
    pub similarity: u32,
}

impl App {
    async fn merge_pair(
        &self,
        actor: &Actor,
        keep: &str,
        drop: &str,
    ) -> Result<(Organization, Organization)> {
        let get = |c: &str| OrgCode::parse(c).ok_or_else(|| AppError::not_found("org", c));
        let (k, d) = (get(keep)?, get(drop)?);
        if k == d {
            return Err(AppError::invalid(
                "drop",
                drop,
                hoptac_core::msg!("merge.with_itself"),
            ));
        }
        let keep = self
            .store()
            .org(&k)
            .await?
            .ok_or_else(|| AppError::not_found("org", keep))?;
        let drop = self
            .store()
            .org(&d)
            .await?
            .ok_or_else(|| AppError::not_found("org", drop))?;
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(
                actor,
                "refused",
                "merge",
                &format!("{}+{}", keep.code, drop.code),
                Some(drop.commune),
            );
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        for o in [&keep, &drop] {
            self.authorize(
                actor,
                Action::Write,
                &Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
            )
            .await?;
        }
        if keep.kind != drop.kind {
            return Err(AppError::invalid(
                "drop",
                drop.code.to_string(),
                hoptac_core::msg!("merge.different_kinds"),
            ));
        }
        let snap = self.snapshot().await?;
        let club_records = snap.task_records_naming(&drop.code);
        if club_records > 0 {
            return Err(AppError::invalid(
                "drop",
                drop.code.to_string(),
                hoptac_core::msg!("merge.club_records", drop = drop.code, n = club_records),
            ));
        }
        Ok((keep, drop))
    }

    pub async fn merge_preview(
        &self,
        actor: &Actor,
        keep: &str,
        drop: &str,
    ) -> Result<MergePreview> {
        let (keep, drop) = self.merge_pair(actor, keep, drop).await?;
        let kr: Vec<i32> = self
            .store()
            .reports_of(&keep.code)
            .await?
            .iter()
            .map(|r| r.year.get())
            .collect();
        let dr: Vec<i32> = self
            .store()
            .reports_of(&drop.code)
            .await?
            .iter()
            .map(|r| r.year.get())
            .collect();
        let km = self.store().managers_of(&keep.code).await?;
        let dm = self.store().managers_of(&drop.code).await?;
        let same = dm
            .iter()
            .filter(|m| {
                km.iter()
                    .any(|x| x.full_name == m.full_name && x.role == m.role && x.from == m.from)
            })
            .count();
        let cases = self
            .store()
            .cases()
            .await?
            .iter()
            .filter(|c| c.org == drop.code)
            .count();
        let accounts = self
            .store()
            .accounts()
            .await?
            .into_iter()
            .filter(|a| matches!(&a.scope, Scope::Org(c) if *c == drop.code))
            .map(|a| a.username)
            .collect();
        Ok(MergePreview {
            accounts,
            move_years: dr.iter().copied().filter(|y| !kr.contains(y)).collect(),
            conflict_years: dr.iter().copied().filter(|y| kr.contains(y)).collect(),
            move_managers: dm.len() - same,
            same_managers: same,
            cases,
            similarity: hoptac_core::similar::similarity(&keep.name, &drop.name),
            keep,
            drop,
        })
    }

    /// Merges `drop` into `keep`; the dropped record, its reports and managers are archived
    /// with the merge so it can be undone.
    pub async fn merge(&self, actor: &Actor, keep: &str, drop: &str) -> Result<i64> {
        let p = self.merge_preview(actor, keep, drop).await?;
        let units = self.units().await?;
        let dm = self.store().managers_of(&p.drop.code).await?;
        let km = self.store().managers_of(&p.keep.code).await?;
        let archive_snap = Snapshot {
            units: units
                .iter()
                .filter(|u| u.id == p.drop.commune)
                .cloned()
                .collect(),
            orgs: vec![p.drop.clone()],
            reports: self.store().reports_of(&p.drop.code).await?,
            managers: dm.clone(),
            ..Default::default()
        };
        let archive = write_xlsx(&archive_snap, PlanData::default(), Headers::Keys)
            .map_err(|e| AppError::internal(format!("xlsx: {e}")))?;
        let iso =
            |d: Option<hoptac_core::Date>| d.map(hoptac_core::date::to_iso).unwrap_or_default();
        let m = MergeRecord {
            id: 0,
            at: crate::auth::now_text(),
            actor: actor.name().to_string(),
            keep: p.keep.code.to_string(),
            drop: p.drop.code.to_string(),
            moved_years: p.move_years.clone(),
            moved_managers: dm
                .iter()
                .filter(|m| {
                    !km.iter()
                        .any(|x| x.full_name == m.full_name && x.role == m.role && x.from == m.from)
                })
                .map(|m| (m.full_name.clone(), m.role.code().to_string(), iso(m.from)))
                .collect(),
            case_ids: self
                .store()
                .cases()
                .await?
                .iter()
                .filter(|c| c.org == p.drop.code)
                .map(|c| c.id)
                .collect(),
            moved_accounts: p.accounts.clone(),
            archive,
            undone_at: None,
        };
        let mut e = self.audit_entry(
            actor,
            "merge",
            "organizations",
            p.drop.code.as_str(),
            Some(p.drop.commune),
        );
        e.before = serde_json::to_string(&p.drop).ok();
        e.after = Some(serde_json::json!({ "merged_into": p.keep.code.as_str(), "moved_years": p.move_years, "archived_years": p.conflict_years, "moved_accounts": p.accounts }).to_string());
        let mut audit = vec![e];
        audit.extend(self.account_moves(actor, &p.accounts, &p.drop, &p.keep));
        Ok(self.store().merge_orgs(&m, &audit).await?)
    }

    /// The audit rows of accounts that act for another organisation after a merge or its
    /// undo: each account, its scope before and after.
    fn account_moves(
        &self,
        actor: &Actor,
        users: &[String],
        from: &Organization,
        to: &Organization,
    ) -> Vec<hoptac_store::AuditEntry> {
        users
            .iter()
            .map(|u| {
                let mut e = self.audit_entry(actor, "update", "accounts", u, Some(to.commune));
                e.before =
                    Some(serde_json::json!({ "scope": format!("org:{}", from.code) }).to_string());
                e.after =
                    Some(serde_json::json!({ "scope": format!("org:{}", to.code) }).to_string());
                e
            })
            .collect()
    }

    /// The merges the actor may see: those whose kept record lies in its scope.
    pub async fn merges(&self, actor: &Actor) -> Result<Vec<MergeRecord>> {
        let units = self.units().await?;
        let mut out = Vec::new();
        for m in self.store().merges().await? {
            let Some(code) = OrgCode::parse(&m.keep) else {
                continue;
            };
            let Some(keep) = self.store().org(&code).await? else {
                continue;
            };
            let r = Resource::Org {
                code,
                commune: keep.commune,
            };
            if hoptac_core::auth::permits(&actor.account, Action::Read, &r, &units)
                && actor.account.role >= Role::Commune
            {
                out.push(m);
            }
        }
        Ok(out)
    }

    /// Undoes a merge: the dropped record comes back with its reports and managers.
    pub async fn undo_merge(&self, actor: &Actor, id: i64) -> Result<()> {
        let m = self
            .store()
            .merges()
            .await?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or_else(|| AppError::not_found("merge", id.to_string()))?;
        if m.undone_at.is_some() {
            return Err(AppError::invalid(
                "merge",
                id.to_string(),
                hoptac_core::msg!("merge.already_undone"),
            ));
        }
        let keep = self
            .store()
            .org(
                &OrgCode::parse(&m.keep)
                    .ok_or_else(|| AppError::not_found("org", m.keep.clone()))?,
            )
            .await?
            .ok_or_else(|| AppError::not_found("org", m.keep.clone()))?;
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(
                actor,
                "refused",
                "undo_merge",
                &id.to_string(),
                Some(keep.commune),
            );
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(
            actor,
            Action::Write,
            &Resource::Org {
                code: keep.code.clone(),
                commune: keep.commune,
            },
        )
        .await?;
        if self
            .store()
            .org(&OrgCode::parse(&m.drop).expect("stored code"))
            .await?
            .is_some()
        {
            return Err(AppError::invalid(
                "merge",
                id.to_string(),
                hoptac_core::msg!("merge.code_reused", drop = m.drop),
            ));
        }
        let book = hoptac_exchange::read::read_xlsx(&m.archive)?;
        let parsed = hoptac_exchange::parse::parse_book(&book);
        let units = self.units().await?;
        let mut orgs = Vec::new();
        for l in &parsed.orgs {
            let i = &l.value;
            let communes: Vec<_> = units
                .iter()
                .filter(|u| u.level == hoptac_core::AdminLevel::Commune)
                .cloned()
                .collect();
            let commune = find_unit(&communes, &i.commune, Some(i.founded_on))?.id;
            orgs.push(Organization {
                code: i.code.clone(),
                kind: i.kind,
                name: i.name.clone(),
                sector: i.sector,
                commune,
                founded_on: i.founded_on,
                dissolved_on: i.dissolved_on,
                registration_no: i.registration_no.clone(),
            });
        }
        let mut e = self.audit_entry(
            actor,
            "undo_merge",
            "organizations",
            &m.drop,
            orgs.first().map(|o| o.commune),
        );
        e.after = orgs.first().and_then(|o| serde_json::to_string(o).ok());
        let mut audit = vec![];
        if let Some(dropped) = orgs.first() {
            audit.extend(self.account_moves(actor, &m.moved_accounts, &keep, dropped));
        }
        let restore = ChangeSet {
            orgs,
            reports: parsed.reports.iter().map(|l| l.value.clone()).collect(),
            managers: parsed.managers.iter().map(|l| l.value.clone()).collect(),
            audit: vec![e],
            ..Default::default()
        };
        self.store()
            .undo_merge(&m, &restore, &crate::auth::now_text(), &audit)
            .await?;
        Ok(())
    }
}
