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
            }),
            "annual_reports" => match (OrgCode::parse(&get("org_code")), get("year").parse()) {
                (Some(c), Ok(y)) => Some(RowGuard {
                    entity: "annual_reports",
                    key: format!("{c}/{y}"),
                    org: c,
                    year: Some(y),
                    intent,
                }),
                _ => None,
            },
            _ => None,
        };
        self.import_guarded(actor, &book, true, guard.as_ref())
            .await
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
    org: OrgCode,
    year: Option<i32>,
    intent: FormIntent,
}

impl App {
    /// Why a form may not write its row as it is now, if it may not.
    pub(super) async fn check_guard(
        &self,
        g: &RowGuard,
        db: &hoptac_core::Snapshot,
    ) -> Result<Option<Problem>> {
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
