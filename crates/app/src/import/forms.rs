//! Web forms as one-row sheets, and what a form expects of the row it writes (a new row that
//! must not exist yet, or an edit of a row still at the version the form was read at).

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use crate::import::draft::ImportOutcome;
use crate::intent::FormIntent;
use hoptac_core::auth::{Action, Resource, permits};
use hoptac_core::validate::Severity;
use hoptac_core::{Msg, OrgCode};
use hoptac_exchange::Problem;
use hoptac_exchange::cells::Cell;
use hoptac_exchange::read::{RawBook, RawSheet};

impl App {
    /// A web form as a one-row sheet with machine keys as headers. `intent` says whether
    /// the form creates its row (refused when the row exists) or edits it (refused when it
    /// changed since the form was read).
    pub async fn save_form(
        &self,
        actor: &Actor,
        table: &str,
        fields: &[(&str, String)],
        intent: FormIntent,
    ) -> Result<ImportOutcome> {
        self.form(actor, table, fields, intent, true).await
    }

    /// The same checks as [`App::save_form`] (scope, version, every error and warning of
    /// the row at once), writing nothing: a form shows its warnings before it saves.
    pub async fn check_form(
        &self,
        actor: &Actor,
        table: &str,
        fields: &[(&str, String)],
        intent: FormIntent,
    ) -> Result<ImportOutcome> {
        self.form(actor, table, fields, intent, false).await
    }

    async fn form(
        &self,
        actor: &Actor,
        table: &str,
        fields: &[(&str, String)],
        intent: FormIntent,
        apply: bool,
    ) -> Result<ImportOutcome> {
        let header = fields
            .iter()
            .map(|(k, _)| Cell::Text(k.to_string()))
            .collect();
        let values = fields
            .iter()
            .map(|(_, v)| {
                if v.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(v.clone())
                }
            })
            .collect();
        let book = RawBook {
            sheets: vec![RawSheet {
                name: table.to_string(),
                rows: vec![(1, header), (2, values)],
            }],
        };
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| *f == k)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let guard = match table {
            "organizations" => OrgCode::parse(&get("code")).map(|c| RowGuard {
                entity: "organizations",
                key: c.to_string(),
                org: c,
                year: None,
                intent,
                replaces: None,
            }),
            "annual_reports" => match (OrgCode::parse(&get("org_code")), get("year").parse()) {
                (Some(c), Ok(y)) => Some(RowGuard {
                    entity: "annual_reports",
                    key: format!("{c}/{y}"),
                    org: c,
                    year: Some(y),
                    intent,
                    replaces: None,
                }),
                _ => None,
            },
            _ => None,
        };
        self.import_guarded(actor, &book, apply, guard.as_ref())
            .await
    }

    /// The manager form (cán bộ quản lý): a new manager of `org` (`replaces: None`), or a
    /// change of one read at a version. A change of name, role or start takes the old row
    /// out in the same transaction; any other manager with the new identity is refused.
    pub async fn save_manager_form(
        &self,
        actor: &Actor,
        org: &OrgCode,
        fields: &[(&str, String)],
        replaces: Option<(hoptac_core::model::Manager, i64)>,
    ) -> Result<ImportOutcome> {
        let mut fields = fields.to_vec();
        fields.retain(|(k, _)| *k != "org_code");
        fields.insert(0, ("org_code", org.to_string()));
        let header = fields
            .iter()
            .map(|(k, _)| Cell::Text(k.to_string()))
            .collect();
        let values = fields
            .iter()
            .map(|(_, v)| match v.trim() {
                "" => Cell::Empty,
                t => Cell::Text(t.to_string()),
            })
            .collect();
        let book = RawBook {
            sheets: vec![RawSheet {
                name: "managers".into(),
                rows: vec![(1, header), (2, values)],
            }],
        };
        let (intent, key, old) = match replaces {
            Some((m, version)) => (FormIntent::Update { version }, m.audit_key(), Some(m)),
            None => (FormIntent::Create, String::new(), None),
        };
        let guard = RowGuard {
            entity: "managers",
            key,
            org: org.clone(),
            year: None,
            intent,
            replaces: old,
        };
        self.import_guarded(actor, &book, true, Some(&guard)).await
    }

    /// The version of a row a form edits: the id of its last recorded change (0 if none).
    pub async fn row_version(&self, entity: &str, key: &str) -> Result<i64> {
        Ok(self
            .store()
            .last_change(entity, key)
            .await?
            .map(|e| e.id)
            .unwrap_or(0))
    }
    /// A stale edit as the user's error: who changed the row and when, reload.
    pub(crate) async fn stale(&self, e: AppError) -> AppError {
        let AppError::Store(hoptac_store::StoreError::Stale { entity, key }) = &e else {
            return e;
        };
        let last = self.store().last_change(entity, key).await.ok().flatten();
        let (by, at) = last.map(|e| (e.actor, e.at)).unwrap_or_default();
        AppError::invalid(
            "_version",
            key.clone(),
            hoptac_core::msg!("import.changed_meanwhile", key = key, by = by, at = at),
        )
    }
}

/// The row a form writes, and what it expects of it.
pub(super) struct RowGuard {
    entity: &'static str,
    key: String,
    pub(super) org: OrgCode,
    year: Option<i32>,
    intent: FormIntent,
    /// A manager form's edit: the row as read, taken out if its identity changes.
    replaces: Option<hoptac_core::model::Manager>,
}

impl App {
    /// Why a form may not write its row as it is now, if it may not.
    pub(super) async fn check_guard(
        &self,
        g: &RowGuard,
        db: &hoptac_core::Snapshot,
    ) -> Result<Option<Problem>> {
        if g.entity == "managers" {
            return self.check_manager_guard(g, db).await;
        }
        let exists = match g.year {
            None => db.orgs.iter().any(|o| o.code == g.org),
            Some(y) => db
                .reports
                .iter()
                .any(|r| r.org == g.org && r.year.get() == y),
        };
        let (column, field) = match g.year {
            None => ("code", "code"),
            Some(_) => ("year", "year"),
        };
        let problem = |msg: Msg, value: String| Problem {
            severity: Severity::Error,
            sheet: g.entity.to_string(),
            row: Some(2),
            column: Some(column.to_string()),
            key: Some(field),
            value,
            msg,
        };
        Ok(match g.intent {
            FormIntent::Create if exists => Some(match g.year {
                None => problem(
                    hoptac_core::msg!("import.code_taken", org = g.org),
                    g.org.to_string(),
                ),
                Some(y) => problem(
                    hoptac_core::msg!(
                        "import.report_exists",
                        y = y,
                        org = g.org,
                        org_2 = g.org,
                        y_2 = y
                    ),
                    y.to_string(),
                ),
            }),
            FormIntent::Create => None,
            FormIntent::Update { .. } if !exists => {
                return Err(AppError::not_found(
                    if g.year.is_some() { "report" } else { "org" },
                    g.key.clone(),
                ));
            }
            FormIntent::Update { version } => {
                let last = self.store().last_change(g.entity, &g.key).await?;
                let now = last.as_ref().map(|e| e.id).unwrap_or(0);
                if now == version {
                    None
                } else {
                    let (by, at) = last.map(|e| (e.actor, e.at)).unwrap_or_default();
                    Some(Problem {
                        column: None,
                        key: None,
                        ..problem(
                            hoptac_core::msg!(
                                "import.changed_meanwhile",
                                key = g.key,
                                by = by,
                                at = at
                            ),
                            g.key.clone(),
                        )
                    })
                }
            }
        })
    }
}

/// Whether the actor may write the row at all: one that may not is refused later, with its
/// audit entry, rather than told whether the row exists.
pub(super) fn may_write_row(actor: &Actor, g: &RowGuard, db: &hoptac_core::Snapshot) -> bool {
    db.orgs.iter().find(|o| o.code == g.org).is_none_or(|o| {
        permits(
            &actor.account,
            Action::Write,
            &Resource::Org {
                code: o.code.clone(),
                commune: o.commune,
            },
            &db.units,
        )
    })
}

impl App {
    /// The manager form's guard: an edited manager must still be there at the version read;
    /// the identity the form sends must not be another manager's.
    async fn check_manager_guard(
        &self,
        g: &RowGuard,
        db: &hoptac_core::Snapshot,
    ) -> Result<Option<Problem>> {
        if let (FormIntent::Update { version }, Some(old)) = (g.intent, &g.replaces) {
            let here = db.managers.iter().any(|m| m == old);
            if !here {
                return Err(AppError::not_found("manager", g.key.clone()));
            }
            let last = self.store().last_change("managers", &g.key).await?;
            if last.as_ref().map(|e| e.id).unwrap_or(0) != version {
                let (by, at) = last.map(|e| (e.actor, e.at)).unwrap_or_default();
                return Ok(Some(Problem {
                    severity: Severity::Error,
                    sheet: "managers".into(),
                    row: Some(2),
                    column: None,
                    key: None,
                    value: g.key.clone(),
                    msg: hoptac_core::msg!(
                        "import.changed_meanwhile",
                        key = g.key,
                        by = by,
                        at = at
                    ),
                }));
            }
        }
        Ok(None)
    }
}

/// After a manager form's row is checked: a changed identity takes the old row out, with
/// its own audit entry (before: the old row; after: the new one). Nothing is taken out
/// when the new row itself was refused or had errors.
pub(super) fn replace_old_manager(
    app: &App,
    actor: &Actor,
    g: &RowGuard,
    commune: Option<hoptac_core::model::UnitId>,
    changes: &mut hoptac_store::ChangeSet,
) {
    let Some(old) = &g.replaces else { return };
    let Some(new) = changes.managers.iter().find(|m| m.org == g.org).cloned() else {
        return;
    };
    if new.audit_key() == old.audit_key() {
        return;
    }
    let mut e = app.audit_entry(actor, "replace", "managers", &old.audit_key(), commune);
    e.before = serde_json::to_string(old).ok();
    e.after = serde_json::to_string(&new).ok();
    changes.audit.push(e);
    changes.removed_managers.push(old.clone());
}

/// A manager form whose new identity is another manager's row of the organisation: refused
/// naming it, never merged into it.
pub(super) fn identity_taken(
    g: &RowGuard,
    db: &hoptac_core::Snapshot,
    new: &hoptac_core::model::Manager,
) -> Option<Problem> {
    if g.entity != "managers" {
        return None;
    }
    let is_old = g
        .replaces
        .as_ref()
        .is_some_and(|o| o.audit_key() == new.audit_key());
    let taken = !is_old && db.managers.iter().any(|m| m.audit_key() == new.audit_key());
    taken.then(|| Problem {
        severity: Severity::Error,
        sheet: "managers".into(),
        row: Some(2),
        column: Some("full_name".into()),
        key: Some("full_name"),
        value: new.full_name.clone(),
        msg: hoptac_core::msg!("import.manager_exists", name = new.full_name, org = new.org),
    })
}
